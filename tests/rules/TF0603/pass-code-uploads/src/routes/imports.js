const os = require("os");
const multer = require("multer");

// The CSV is parsed and then deleted: scratch space only.
const upload = multer({ dest: os.tmpdir() });
module.exports = upload;
