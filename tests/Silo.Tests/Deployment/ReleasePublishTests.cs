using System.Diagnostics;
using System.Text.Json;

namespace Opside.Silo.Tests.Deployment;

/// <summary>
/// What ships carries no fake Amazon: MSBuild's own evaluation of the API project, as a Release publish (and the
/// image's explicit setting) sees it, references no Sandbox project and compiles no sandbox code; a build or test run
/// still has both, so the Development run keeps its built-in sandbox.
/// </summary>
public sealed class ReleasePublishTests
{
    private const string Api = "src/Api/Api.csproj";

    [Fact]
    public async Task A_release_publish_of_the_api_leaves_the_sandbox_out()
    {
        var (references, constants) = await EvaluateAsync(Api, "-p:Configuration=Release", "-p:_IsPublishing=true");

        Assert.DoesNotContain(references, r => r.EndsWith("Sandbox.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain("DEVELOPMENT_SANDBOX", constants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_image_setting_leaves_the_sandbox_out_of_restore_and_publish()
    {
        var (references, constants) = await EvaluateAsync(Api, "-p:IncludeDevelopmentSandbox=false");
        var dockerfile = File.ReadAllText(DeploymentFiles.PathOf("deploy/Dockerfile.api"));

        Assert.DoesNotContain(references, r => r.EndsWith("Sandbox.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain("DEVELOPMENT_SANDBOX", constants, StringComparison.Ordinal);
        Assert.Contains("dotnet restore src/Api/Api.csproj -p:IncludeDevelopmentSandbox=false", dockerfile, StringComparison.Ordinal);
        Assert.Contains("-p:IncludeDevelopmentSandbox=false", dockerfile.Split('\n').Single(l => l.Contains("dotnet publish", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("src/Sandbox", dockerfile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Debug")]
    [InlineData("Release")]
    public async Task A_build_keeps_the_development_sandbox(string configuration)
    {
        var (references, constants) = await EvaluateAsync(Api, $"-p:Configuration={configuration}");

        Assert.Contains(references, r => r.EndsWith("Sandbox.csproj", StringComparison.Ordinal));
        Assert.Contains("DEVELOPMENT_SANDBOX", constants, StringComparison.Ordinal);
    }

    /// <summary>The project references and compile constants MSBuild evaluates for <paramref name="project"/> under the given properties.</summary>
    private static async Task<(List<string> References, string Constants)> EvaluateAsync(string project, params string[] properties)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = DeploymentFiles.RepositoryRoot };
        foreach (var argument in new[] { "msbuild", project, "-getItem:ProjectReference", "-getProperty:DefineConstants" }.Concat(properties))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed: {await output}{await error}");

        using var json = JsonDocument.Parse(await output);
        var references = json.RootElement.GetProperty("Items").GetProperty("ProjectReference").EnumerateArray()
            .Select(r => r.GetProperty("Identity").GetString()!.Replace('\\', '/')).ToList();
        return (references, json.RootElement.GetProperty("Properties").GetProperty("DefineConstants").GetString()!);
    }
}
