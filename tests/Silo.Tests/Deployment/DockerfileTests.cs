using System.Text.Json;
using System.Xml.Linq;

namespace Opside.Silo.Tests.Deployment;

/// <summary>
/// The images cannot be built on the build machines (there is no Docker engine), so each Dockerfile is
/// checked by parsing: stages, user, and that what it copies and runs matches the repository.
/// </summary>
public sealed class DockerfileTests
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string RuntimeImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    /// <summary>What <c>dotnet restore</c> reads besides the project files.</summary>
    private static readonly string[] RestoreInputs = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    private static readonly string[] Projects = ["Api", "Silo"];

    /// <summary>Root files that change how the projects build: SDK, MSBuild properties, package versions and sources, analyzer severities.</summary>
    private static readonly string[] BuildSettingFiles =
        ["global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "nuget.config", "NuGet.Config", ".editorconfig"];

    /// <summary>Must stay out of the build context: build output (a stale obj/project.assets.json breaks restore), local data, secrets.</summary>
    private static readonly string[] IgnoredPaths = ["**/bin/", "**/obj/", ".git", "data/", ".env"];

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_image_builds_with_the_sdk_in_one_stage_and_runs_on_aspnet_in_another(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var stages = dockerfile.Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.True(stages.Count >= 2, $"{dockerfile} is not multi-stage");
        Assert.Equal(SdkImage, stages[0][0]);
        Assert.Equal(RuntimeImage, stages[^1][0]);
        var buildStage = Assert.Single(stages.Take(stages.Count - 1), s => s[0] == SdkImage) is [_, var keyword, var name] && keyword.Equals("AS", StringComparison.OrdinalIgnoreCase) ? name : null;
        Assert.NotNull(buildStage);
        Assert.Contains(dockerfile.FinalStage, i => i.Keyword == "COPY" && i.Arguments.Contains($"--from={buildStage}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_image_runs_as_a_non_root_user(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var user = dockerfile.FinalStage.LastOrDefault(i => i.Keyword == "USER")?.Arguments.Split(':')[0];

        Assert.NotNull(user);
        Assert.True(user is "$APP_UID" or "${APP_UID}" or "app", $"{dockerfile} runs as '{user}'; use the aspnet image's non-root user: USER $APP_UID");
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void Every_path_the_image_copies_exists_in_the_repository_and_the_build_context(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var ignoredFolders = DockerIgnoreLines()
            .Where(l => l.EndsWith('/') && !l.Contains('*', StringComparison.Ordinal))
            .Select(l => l.TrimStart('/'))
            .ToList();

        var sources = dockerfile.CopiedPaths().ToList();
        Assert.NotEmpty(sources);
        var missing = sources.Where(s => !File.Exists(DeploymentFiles.PathOf(s)) && !Directory.Exists(DeploymentFiles.PathOf(s)));
        var ignored = sources.Where(s => ignoredFolders.Any(folder => s.StartsWith(folder, StringComparison.Ordinal)));

        Assert.Empty(missing);
        Assert.Empty(ignored);
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_restore_layer_copies_the_build_files_and_every_project_the_image_needs_and_nothing_else(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var restore = dockerfile.Instructions.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, $"{dockerfile} has no RUN dotnet restore");

        var copiedBeforeRestore = dockerfile.CopiedPaths(dockerfile.Instructions.Take(restore)).ToHashSet(StringComparer.Ordinal);
        var needed = ProjectClosure($"src/{project}/{project}.csproj");

        // Every build setting file but .editorconfig is read by restore (NuGet sources, package versions, properties).
        var restoreInputs = RestoreInputs.Union(BuildSettingFiles.Where(f => f != ".editorconfig" && File.Exists(DeploymentFiles.PathOf(f))));
        Assert.All(restoreInputs, file => Assert.Contains(file, copiedBeforeRestore));
        Assert.All(needed, csproj => Assert.Contains(csproj, copiedBeforeRestore));
        // Anything else copied before restore (sources) would invalidate the cached restore layer on every change.
        Assert.All(copiedBeforeRestore, path => Assert.True(BuildSettingFiles.Contains(path) || path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".sln", StringComparison.Ordinal),
            $"{path} is copied before restore"));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_image_copies_every_build_setting_file_of_the_repository_root(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var copied = dockerfile.CopiedPaths().ToHashSet(StringComparer.Ordinal);

        // Present or not today, each of these changes the build if it exists: the image must build like a local checkout.
        var present = BuildSettingFiles.Where(f => File.Exists(DeploymentFiles.PathOf(f))).ToList();
        Assert.Contains(".editorconfig", present);
        Assert.All(present, file => Assert.Contains(file, copied));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_image_publishes_its_project_in_release_without_restoring_again(string project)
    {
        var dockerfile = Dockerfile.For(project);
        var publish = Assert.Single(dockerfile.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.Contains($"src/{project}/{project}.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("--no-restore", publish.Arguments, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Api", new[] { 8080 })]
    [InlineData("Silo", new[] { 8080, 11111, 30000 })]
    public void The_image_exposes_its_ports_and_runs_the_published_assembly(string project, int[] ports)
    {
        var dockerfile = Dockerfile.For(project);
        var exposed = dockerfile.FinalStage.Where(i => i.Keyword == "EXPOSE")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Split('/')[0])
            .ToList();
        var entrypoint = JsonSerializer.Deserialize<string[]>(Assert.Single(dockerfile.FinalStage, i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.NotNull(entrypoint);

        Assert.Equal(ports.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), exposed.Order());
        Assert.Equal(["dotnet", $"Opside.{project}.dll"], entrypoint);
    }

    [Fact]
    public void Assemblies_are_named_Opside_dot_project_as_the_entrypoints_assume()
    {
        Assert.Equal("Opside.Silo", typeof(MigrateCommand).Assembly.GetName().Name);
        var props = XDocument.Load(DeploymentFiles.PathOf("Directory.Build.props"));
        Assert.Equal("Opside.$(MSBuildProjectName)", props.Descendants("AssemblyName").Single().Value);
        Assert.All(Projects, project =>
            Assert.Empty(XDocument.Load(DeploymentFiles.PathOf($"src/{project}/{project}.csproj")).Descendants("AssemblyName")));
    }

    [Fact]
    public void The_docker_ignore_file_keeps_build_output_local_data_and_secrets_out_of_the_context()
    {
        var lines = DockerIgnoreLines();

        Assert.All(IgnoredPaths, pattern => Assert.Contains(pattern, lines));
        Assert.DoesNotContain(lines, l => l.TrimStart('/') is "src" or "src/" or "global.json" or "Directory.Build.props" or "Directory.Packages.props" or "deploy/" or "deploy");
    }

    private static List<string> DockerIgnoreLines() =>
        File.ReadAllLines(DeploymentFiles.PathOf(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    /// <summary>The project and every project it references, transitively, as repository-relative paths.</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!result.Add(current))
                continue;
            var directory = Path.GetDirectoryName(DeploymentFiles.PathOf(current))!;
            foreach (var reference in XDocument.Load(DeploymentFiles.PathOf(current)).Descendants("ProjectReference"))
            {
                // The images build with IncludeDevelopmentSandbox=false (ReleasePublishTests): what only that includes is not needed.
                if (reference.Parent?.Attribute("Condition")?.Value.Contains("IncludeDevelopmentSandbox", StringComparison.Ordinal) == true)
                    continue;
                var path = Path.GetFullPath(Path.Combine(directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(DeploymentFiles.RepositoryRoot, path).Replace('\\', '/'));
            }
        }

        return result;
    }
}

/// <summary>A Dockerfile split into instructions (continuation lines joined, comments dropped).</summary>
internal sealed class Dockerfile
{
    private Dockerfile(string relativePath, List<DockerInstruction> instructions)
    {
        RelativePath = relativePath;
        Instructions = instructions;
    }

    public string RelativePath { get; }

    public List<DockerInstruction> Instructions { get; }

    /// <summary>The instructions of the last stage: what the image is.</summary>
    public IEnumerable<DockerInstruction> FinalStage => Instructions.Skip(Instructions.FindLastIndex(i => i.Keyword == "FROM"));

    /// <summary><c>deploy/Dockerfile.api</c> for the Api project, and so on.</summary>
    public static Dockerfile For(string project) => Parse($"deploy/Dockerfile.{project.ToLowerInvariant()}");

    public static Dockerfile Parse(string relativePath)
    {
        var path = DeploymentFiles.PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} does not exist");

        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
                continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var text = (pending + line).Trim();
            pending = "";
            if (text.Length == 0)
                continue;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add(space < 0
                ? new DockerInstruction(text.ToUpperInvariant(), "")
                : new DockerInstruction(text[..space].ToUpperInvariant(), text[(space + 1)..].Trim()));
        }

        return new Dockerfile(relativePath, instructions);
    }

    /// <summary>The build-context sources of COPY and ADD instructions (not <c>--from</c> another stage).</summary>
    public IEnumerable<string> CopiedPaths(IEnumerable<DockerInstruction>? instructions = null) =>
        (instructions ?? Instructions)
            .Where(i => i.Keyword is "COPY" or "ADD")
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => !words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(words => words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .Select(source => source.StartsWith("./", StringComparison.Ordinal) ? source[2..] : source)
            .Select(source => source.Length == 0 ? "." : source);

    public override string ToString() => RelativePath;
}

internal sealed record DockerInstruction(string Keyword, string Arguments);
