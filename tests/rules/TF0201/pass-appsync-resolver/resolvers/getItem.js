import { util } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

export function request(ctx) { return ddb.get({ key: { id: ctx.args.id } }); }
