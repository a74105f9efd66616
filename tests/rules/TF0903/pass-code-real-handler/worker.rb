Signal.trap("TERM") do
  $stopping = true
end
