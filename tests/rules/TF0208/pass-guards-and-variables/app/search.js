// A regular expression's exec is not child_process.
const re = /convert (\w+)/;
module.exports = (s) => re.exec("convert this");
