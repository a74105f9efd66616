using System.Diagnostics;

class Meta {
    static Process Read(string path) {
        var psi = new ProcessStartInfo {
            FileName = "exiftool",
            Arguments = path,
        };
        return Process.Start(psi);
    }
}
