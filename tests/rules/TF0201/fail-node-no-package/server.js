const http = require('node:http');
const path = require("path");
const express = require('express');

const app = express();
