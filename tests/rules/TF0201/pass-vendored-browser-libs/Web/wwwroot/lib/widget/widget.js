(function (f) { module.exports = f(require("jquery")); })(function ($) {});
