const sendgrid = "SG.AbCd01-_EfGh23IjAbCd01.AbCd01-_EfGh23IjAbCd01-_EfGh23IjAbCd01-_EfG";
const mailgun = "key-0123456789abcdef0123456789abcdef";
const mailchimp = "0123456789abcdef0123456789abcdef-us14";
