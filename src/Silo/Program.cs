using Opside.Hosting.Cluster;
using Opside.Hosting.Web;

namespace Opside.Silo;

// An explicit entry point rather than top-level statements: the API project references this one,
// and two global Program types would collide in WebApplicationFactory<Program>.
internal sealed class SiloProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [MigrateCommand.Name, ..])
            return await MigrateCommand.RunAsync(args[1..]);
        if (args is [TrainModelCommand.Name, ..])
            return await TrainModelCommand.RunAsync(args[1..]);

        var builder = WebApplication.CreateBuilder(args);
        builder.AddOpsideWebDefaults();
        builder.AddOpsideSilo();

        var app = builder.Build();
        app.UseOpsideWebDefaults();
        app.MapOpsideOperationalEndpoints();
        app.MapOpsideDashboard();

        await app.RunAsync();
        return 0;
    }
}
