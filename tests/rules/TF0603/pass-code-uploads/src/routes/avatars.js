const express = require("express");
const multer = require("multer");
const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");

const upload = multer({ storage: multer.memoryStorage() });
const s3 = new S3Client({});
const router = express.Router();
router.post("/avatar", upload.single("avatar"), async (req, res) => {
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: req.file.originalname, Body: req.file.buffer }));
  res.sendStatus(201);
});
module.exports = router;
