namespace Opside.Sandbox;

// An explicit entry point: tests reference this project beside the API, and two global Program types would collide.
internal sealed class SandboxProgram
{
    public static async Task Main(string[] args) => await SandboxApp.Build(args).RunAsync();
}
