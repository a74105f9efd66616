require_relative "lib/jobs"

Signal.trap("TERM", "IGNORE")
Jobs.run_forever
