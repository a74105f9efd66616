import os

os.system("convert in.png out.jpg")
