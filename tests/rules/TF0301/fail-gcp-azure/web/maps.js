export const MAPS_KEY = "AIzaAbCd01-_EfGh23IjAbCd01-_EfGh23IjAbC";
export const OAUTH_CLIENT_SECRET = "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";
