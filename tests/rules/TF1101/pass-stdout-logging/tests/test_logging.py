import logging

def test_file_handler(tmp_path):
    logging.FileHandler(tmp_path / "x.log")
