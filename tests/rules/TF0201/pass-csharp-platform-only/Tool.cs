// using Newtonsoft.Json;
global using System.Linq;
using static System.Math;
using Json = System.Text.Json.JsonSerializer;
using Microsoft.AspNetCore.Builder;
using Tooling.Helpers;

namespace Tooling
{
    class Tool
    {
        void Run()
        {
            using (var s = new System.IO.MemoryStream()) { }
        }
    }
}
