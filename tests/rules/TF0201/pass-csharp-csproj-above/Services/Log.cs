using Serilog;
namespace Shop.Services;
public class Log {}
