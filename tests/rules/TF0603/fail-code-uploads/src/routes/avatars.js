const express = require("express");
const multer = require("multer");

const upload = multer({ dest: "uploads/avatars/" });
const router = express.Router();
router.post("/avatar", upload.single("avatar"), (req, res) => res.sendStatus(201));
module.exports = router;
