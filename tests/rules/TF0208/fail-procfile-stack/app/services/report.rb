class Report
  def pdf(html, out)
    system("wkhtmltopdf", html, out)
  end

  def duration(path)
    `ffprobe -v error -show_entries format=duration #{path}`.to_f
  end

  def resize(path)
    # the stack has ImageMagick: not reported
    system "convert", path, "-resize", "50%", path
  end
end
