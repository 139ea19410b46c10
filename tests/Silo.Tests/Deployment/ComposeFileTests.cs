using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Opside.Api.Accounts;
using Opside.Api.RateLimiting;
using Opside.Hosting.Cluster;
using Opside.Hosting.Security;
using Opside.Storage;
using YamlDotNet.RepresentationModel;
using Opside.Grains.Security;

namespace Opside.Silo.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot be run on the build machines (there is no Docker engine), so it is
/// checked by parsing: structure, wiring between services, and that every setting it passes is one
/// the code actually binds.
/// </summary>
public sealed partial class ComposeFileTests
{
    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_service_has_an_image_or_a_build()
    {
        Assert.NotEmpty(_compose.Services);
        var missing = _compose.Services
            .Where(s => s.Value.Get("image") is null && s.Value.Get("build") is null)
            .Select(s => s.Key);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_build_dockerfile_exists_relative_to_its_context()
    {
        var built = _compose.Services.Where(s => s.Value.Get("build") is not null).ToList();
        Assert.NotEmpty(built);

        var missing = new List<string>();
        foreach (var (name, service) in built)
        {
            var build = service.Get("build");
            var context = build is YamlMappingNode map ? map.Scalar("context") ?? "." : build.AsScalar() ?? ".";
            var dockerfile = (build as YamlMappingNode)?.Scalar("dockerfile") ?? "Dockerfile";
            var contextDirectory = Path.GetFullPath(Path.Combine(DeploymentFiles.RepositoryRoot, context));
            var path = Path.Combine(contextDirectory, dockerfile);
            if (!Directory.Exists(contextDirectory) || !File.Exists(path))
                missing.Add($"{name}: {Path.GetRelativePath(DeploymentFiles.RepositoryRoot, path)}");
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_depends_on_target_is_a_service_of_the_file()
    {
        var dangling = _compose.Services
            .SelectMany(s => ComposeFile.DependsOn(s.Value).Select(d => (Service: s.Key, d.Target)))
            .Where(d => !_compose.Services.ContainsKey(d.Target))
            .Select(d => $"{d.Service} -> {d.Target}");

        Assert.Empty(dangling);
    }

    [Fact]
    public void Every_depends_on_condition_can_be_met()
    {
        var problems = new List<string>();
        foreach (var (name, service) in _compose.Services)
        {
            foreach (var (target, condition) in ComposeFile.DependsOn(service))
            {
                if (!_compose.Services.TryGetValue(target, out var dependency))
                    continue;
                if (condition == "service_healthy" && dependency.Get("healthcheck") is null)
                    problems.Add($"{name} waits for {target} to be healthy, but {target} has no healthcheck");
                if (condition == "service_completed_successfully" && dependency.Scalar("restart") is not (null or "no"))
                    problems.Add($"{name} waits for {target} to complete, but {target} restarts ({dependency.Scalar("restart")})");
                if (condition is not ("service_started" or "service_healthy" or "service_completed_successfully"))
                    problems.Add($"{name} -> {target}: unknown condition '{condition}'");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_environment_variable_of_an_Opside_service_is_an_option_the_code_binds()
    {
        var opsideServices = _compose.Services.Where(s => ComposeFile.IsOpsideService(s.Value)).ToList();
        Assert.NotEmpty(opsideServices);

        var unknown = opsideServices
            .SelectMany(s => ComposeFile.Environment(s.Value).Keys.Select(variable => (Service: s.Key, Variable: variable)))
            .Where(e => !OptionKeys.IsKnownEnvironmentVariable(e.Variable))
            .Select(e => $"{e.Service}: {e.Variable}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_option_key_rule_accepts_bound_options_and_rejects_anything_else()
    {
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("Orleans__AdvertisedAddress"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("orleans__role"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("Orleans__GatewayPorts__0"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("Cluster__Provider"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("Storage__MigrateOnStart"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("ConnectionStrings__Opside"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("ASPNETCORE_ENVIRONMENT"));
        Assert.True(OptionKeys.IsKnownEnvironmentVariable("Serilog__MinimumLevel__Default"));

        Assert.False(OptionKeys.IsKnownEnvironmentVariable("Orleans__AdvertisedIp"));
        Assert.False(OptionKeys.IsKnownEnvironmentVariable("Orleans__SiloPort__0"));
        Assert.False(OptionKeys.IsKnownEnvironmentVariable("Storage__ConnectionString"));
        Assert.False(OptionKeys.IsKnownEnvironmentVariable("Clustering__Provider"));
        Assert.False(OptionKeys.IsKnownEnvironmentVariable("ConnectionStrings__"));
        Assert.False(OptionKeys.IsKnownEnvironmentVariable("POD_IP"));
    }

    [Fact]
    public void The_silos_and_the_api_share_the_AdoNet_cluster_and_one_connection_string()
    {
        var members = _compose.Silos.Append(_compose.Api).ToList();
        Assert.NotEmpty(_compose.Silos);

        var environments = members.Select(s => (s.Key, Env: ComposeFile.Environment(s.Value))).ToList();
        Assert.All(environments, e => Assert.Equal("AdoNet", e.Env.GetValueOrDefault("Cluster__Provider")));
        Assert.All(environments, e => Assert.Equal("Postgres", e.Env.GetValueOrDefault("Storage__Provider")));
        foreach (var variable in new[] { "ConnectionStrings__Opside", "Orleans__ClusterId", "Orleans__ServiceId" })
        {
            var values = environments.Select(e => e.Env.GetValueOrDefault(variable)).Distinct().ToList();
            Assert.True(values is [{ Length: > 0 }], $"{variable} differs between the silos and the api: {string.Join(" | ", values)}");
        }
    }

    [Fact]
    public void The_api_runs_as_a_client_of_the_silos()
    {
        var (name, api) = _compose.Api;
        var environment = ComposeFile.Environment(api);

        Assert.Equal("Client", environment.GetValueOrDefault("Orleans__Role"));
        Assert.Contains(ComposeFile.DependsOn(api), d => _compose.Silos.Any(s => s.Key == d.Target));
        Assert.True(api.Get("ports") is YamlSequenceNode { Children.Count: > 0 }, $"{name} publishes no port");
    }

    [Fact]
    public void At_least_two_silos_run_and_each_advertises_its_own_container_address()
    {
        var instances = _compose.Silos.Sum(s => ComposeFile.Replicas(s.Value));
        Assert.True(instances >= 2, $"expected at least two silo instances, found {instances}");

        // A replicated service shares one environment: a fixed address there would be advertised by every replica.
        var sharedAddress = _compose.Silos
            .Where(s => ComposeFile.Replicas(s.Value) > 1 && ComposeFile.Environment(s.Value).ContainsKey("Orleans__AdvertisedAddress"))
            .Select(s => s.Key);
        Assert.Empty(sharedAddress);
    }

    [Fact]
    public void The_silos_wait_for_the_migration_which_waits_for_a_healthy_postgres()
    {
        var (migrateName, migrate) = _compose.Migrate;
        Assert.Equal("no", migrate.Scalar("restart"));
        Assert.Contains(ComposeFile.DependsOn(migrate), d => d is { Target: "postgres", Condition: "service_healthy" });
        Assert.All(_compose.Silos, silo =>
            Assert.Contains(ComposeFile.DependsOn(silo.Value), d => d.Target == migrateName && d.Condition == "service_completed_successfully"));
        Assert.NotNull(ComposeFile.Environment(migrate).GetValueOrDefault("ConnectionStrings__Opside"));
    }

    [Fact]
    public void The_silos_get_longer_to_stop_than_their_graceful_shutdown_timeout()
    {
        Assert.All(_compose.Silos, silo =>
        {
            var shutdown = ComposeFile.Environment(silo.Value).GetValueOrDefault("DOTNET_SHUTDOWNTIMEOUTSECONDS");
            Assert.NotNull(shutdown);
            var grace = silo.Value.Scalar("stop_grace_period");
            Assert.NotNull(grace);
            Assert.True(ComposeFile.ParseDuration(grace) > TimeSpan.FromSeconds(int.Parse(shutdown, CultureInfo.InvariantCulture)),
                $"{silo.Key}: stop_grace_period {grace} must exceed the {shutdown} s host shutdown timeout");
        });
    }

    [Fact]
    public void Postgres_has_a_pg_isready_healthcheck_and_a_named_volume()
    {
        var postgres = _compose.Services["postgres"];
        Assert.StartsWith("postgres:", postgres.Scalar("image"), StringComparison.Ordinal);

        var healthcheck = Assert.IsType<YamlMappingNode>(postgres.Get("healthcheck"));
        var test = healthcheck.Get("test") switch
        {
            YamlSequenceNode sequence => string.Join(' ', sequence.Children.Select(c => c.AsScalar())),
            var node => node.AsScalar(),
        };
        Assert.Contains("pg_isready", test, StringComparison.Ordinal);

        var volumes = Assert.IsType<YamlSequenceNode>(postgres.Get("volumes"));
        var declared = (_compose.Root.Get("volumes") as YamlMappingNode)?.Children.Keys.Select(k => k.AsScalar()).ToHashSet() ?? [];
        Assert.Contains(volumes.Children, v => v.AsScalar()?.Split(':')[0] is { } source && declared.Contains(source)
            && v.AsScalar()!.EndsWith(":/var/lib/postgresql/data", StringComparison.Ordinal));
    }

    [Fact]
    public void No_password_is_written_in_the_file_only_substituted_from_the_environment()
    {
        var literals = DeploymentFiles.PasswordValues(_compose.Root)
            .Where(p => !ComposeFile.IsSubstitution(p.Value))
            .Select(p => $"{p.Where}: {p.Value}")
            .ToList();

        Assert.Empty(literals);
        Assert.True(ComposeFile.IsSubstitution(ComposeFile.Environment(_compose.Services["postgres"]).GetValueOrDefault("POSTGRES_PASSWORD") ?? ""),
            "POSTGRES_PASSWORD must come from a ${...} substitution");
    }

    [Fact]
    public void The_database_password_has_no_default_so_compose_refuses_to_start_without_one()
    {
        var text = File.ReadAllText(DeploymentFiles.PathOf("docker-compose.yml"));
        var uses = PasswordSubstitution().Matches(text).Select(m => m.Value).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, use => Assert.StartsWith("${POSTGRES_PASSWORD:?", use, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_Opside_service_has_a_read_only_root_filesystem_with_a_tmpfs_for_tmp()
    {
        var services = _compose.Services.Where(s => ComposeFile.IsOpsideService(s.Value)).ToList();
        Assert.NotEmpty(services);

        Assert.All(services, s =>
        {
            Assert.True(s.Value.Scalar("read_only") == "true", $"{s.Key}: read_only must be true");
            Assert.Contains("/tmp", (s.Value.Get("tmpfs") as YamlSequenceNode)?.Children.Select(c => c.AsScalar()) ?? []);
        });
    }

    [Fact]
    public void The_api_names_its_allowed_hosts_and_every_Opside_service_has_a_management_port()
    {
        var api = ComposeFile.Environment(_compose.Api.Value);
        Assert.False(string.IsNullOrWhiteSpace(api.GetValueOrDefault("AllowedHosts")));
        Assert.DoesNotContain("*", api["AllowedHosts"]!, StringComparison.Ordinal);
        Assert.All(_compose.Silos.Append(_compose.Api), s => Assert.NotNull(ComposeFile.Environment(s.Value).GetValueOrDefault("Management__Port")));
    }

    [GeneratedRegex(@"\$\{POSTGRES_PASSWORD[^}]*\}")]
    private static partial Regex PasswordSubstitution();
}

/// <summary>docker-compose.yml at the repository root, parsed, with the services classified by the image they run.</summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root)
    {
        Root = root;
        var services = Assert.IsType<YamlMappingNode>(root.Get("services"));
        Services = services.Children.ToDictionary(c => c.Key.AsScalar()!, c => Assert.IsType<YamlMappingNode>(c.Value), StringComparer.Ordinal);
    }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlMappingNode> Services { get; }

    /// <summary>Services running the silo image as a silo (not as the migration).</summary>
    public IReadOnlyList<KeyValuePair<string, YamlMappingNode>> Silos =>
        Services.Where(s => RunsImage(s.Value, "silo") && !IsMigration(s.Value)).ToList();

    public KeyValuePair<string, YamlMappingNode> Migrate =>
        Assert.Single(Services, s => RunsImage(s.Value, "silo") && IsMigration(s.Value));

    public KeyValuePair<string, YamlMappingNode> Api => Assert.Single(Services, s => RunsImage(s.Value, "api"));

    public static ComposeFile Load() =>
        new(Assert.IsType<YamlMappingNode>(Assert.Single(DeploymentFiles.LoadYaml("docker-compose.yml")).RootNode));

    /// <summary>Built from this repository, as opposed to a third-party image such as postgres.</summary>
    public static bool IsOpsideService(YamlMappingNode service) =>
        service.Get("build") is not null || (service.Scalar("image")?.StartsWith("opside-", StringComparison.Ordinal) ?? false);

    public static IReadOnlyDictionary<string, string?> Environment(YamlMappingNode service)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        switch (service.Get("environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Flatten())
                    result[key] = value.AsScalar();
                break;
            case YamlSequenceNode list:
                foreach (var entry in list.Children.Select(c => c.AsScalar() ?? ""))
                {
                    var equals = entry.IndexOf('=', StringComparison.Ordinal);
                    result[equals < 0 ? entry : entry[..equals]] = equals < 0 ? null : entry[(equals + 1)..];
                }

                break;
        }

        return result;
    }

    public static IEnumerable<(string Target, string Condition)> DependsOn(YamlMappingNode service) => service.Get("depends_on") switch
    {
        YamlSequenceNode list => list.Children.Select(c => (c.AsScalar()!, "service_started")),
        YamlMappingNode map => map.Flatten().Select(e => (e.Key, (e.Value as YamlMappingNode)?.Scalar("condition") ?? "service_started")),
        _ => [],
    };

    public static int Replicas(YamlMappingNode service) =>
        (service.Get("deploy") as YamlMappingNode)?.Scalar("replicas") is { } replicas ? int.Parse(replicas, CultureInfo.InvariantCulture) : 1;

    /// <summary>A whole-value <c>${VAR}</c>, <c>${VAR:-default}</c> or <c>${VAR:?error}</c> substitution.</summary>
    public static bool IsSubstitution(string value) => SubstitutionPattern().IsMatch(value);

    /// <summary>A compose duration such as <c>150s</c>, <c>2m30s</c> or <c>1h</c>.</summary>
    public static TimeSpan ParseDuration(string value)
    {
        var parts = DurationPattern().Matches(value);
        Assert.True(parts.Count > 0 && string.Concat(parts.Select(p => p.Value)) == value, $"'{value}' is not a compose duration");
        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var amount = double.Parse(part.Groups["amount"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                _ => TimeSpan.FromMicroseconds(amount),
            };
        });
    }

    private static bool RunsImage(YamlMappingNode service, string component)
    {
        var build = service.Get("build") as YamlMappingNode;
        return (build?.Scalar("dockerfile")?.EndsWith($"Dockerfile.{component}", StringComparison.OrdinalIgnoreCase) ?? false)
            || (service.Scalar("image")?.StartsWith($"opside-{component}:", StringComparison.Ordinal) ?? false);
    }

    private static bool IsMigration(YamlMappingNode service) => service.Get("command") switch
    {
        YamlSequenceNode list => list.Children.FirstOrDefault()?.AsScalar() == "migrate",
        var node => node?.AsScalar()?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() == "migrate",
    };

    [GeneratedRegex(@"^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}$")]
    private static partial Regex SubstitutionPattern();

    [GeneratedRegex(@"(?<amount>\d+(\.\d+)?)(?<unit>h|ms|m|s|us)")]
    private static partial Regex DurationPattern();
}

/// <summary>
/// The configuration keys the code binds, derived from the option classes by reflection, so that renaming
/// an option (or a section) makes a deployment file that still sets the old name fail these tests.
/// </summary>
internal static partial class OptionKeys
{
    private const string ConnectionStringsPrefix = "ConnectionStrings:";

    private static readonly (Type Type, string Section)[] Sections =
    [
        (typeof(OrleansHostingOptions), OrleansHostingOptions.Section),
        (typeof(ClusteringOptions), ClusteringOptions.Section),
        (typeof(StorageOptions), StorageOptions.Section),
        (typeof(JwtOptions), JwtOptions.Section),
        (typeof(BootstrapOpsOptions), BootstrapOpsOptions.Section),
        (typeof(LockoutOptions), LockoutOptions.Section),
        (typeof(RateLimitOptions), RateLimitOptions.Section),
        (typeof(TokenEncryptionOptions), TokenEncryptionOptions.Section),
        (typeof(Opside.Grains.Amazon.AmazonOptions), Opside.Grains.Amazon.AmazonOptions.Section),
        (typeof(Opside.Grains.Sync.SyncOptions), Opside.Grains.Sync.SyncOptions.Section),
        (typeof(Opside.Api.Uploads.UploadOptions), Opside.Api.Uploads.UploadOptions.Section),
        (typeof(Opside.Hosting.Web.ForwardedHeadersSettings), Opside.Hosting.Web.ForwardedHeadersSettings.Section),
        (typeof(Opside.Hosting.Web.ManagementOptions), Opside.Hosting.Web.ManagementOptions.Section),
    ];

    /// <summary>Filled from elsewhere, not bound from its section.</summary>
    private static readonly HashSet<(Type, string)> Excluded = [(typeof(StorageOptions), nameof(StorageOptions.ConnectionString))];

    /// <summary>Settings of the framework and libraries rather than of Opside's option classes.</summary>
    private static readonly string[] FrameworkPrefixes = ["ASPNETCORE_", "DOTNET_", "Logging__", "Serilog__"];

    /// <summary>Whole keys the framework binds itself (host filtering).</summary>
    private static readonly HashSet<string> FrameworkKeys = new(["AllowedHosts"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Each bound key, and whether it is a collection (whose elements are set as <c>Key:0</c>, <c>Key:1</c>...).</summary>
    private static readonly Dictionary<string, bool> Keys = Sections
        .SelectMany(s => KeysOf(s.Type, s.Section))
        .ToDictionary(k => k.Key, k => k.IsCollection, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnownEnvironmentVariable(string name)
    {
        if (FrameworkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) || FrameworkKeys.Contains(name))
            return true;

        var key = name.Replace("__", ":", StringComparison.Ordinal);
        // An element of a list of option objects (Auth:Jwt:SigningKeys:0:Id) is known by its shape.
        key = ElementIndex().Replace(key, ":#:");
        if (key.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase))
            return key.Length > ConnectionStringsPrefix.Length && !key[ConnectionStringsPrefix.Length..].Contains(':', StringComparison.Ordinal);
        if (Keys.ContainsKey(key))
            return true;

        var lastSeparator = key.LastIndexOf(':');
        return lastSeparator > 0
            && int.TryParse(key[(lastSeparator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && Keys.TryGetValue(key[..lastSeparator], out var isCollection)
            && isCollection;
    }

    private static IEnumerable<(string Key, bool IsCollection)> KeysOf(Type type, string prefix)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetSetMethod() is not null && p.GetIndexParameters().Length == 0 && !Excluded.Contains((type, p.Name)));
        foreach (var property in properties)
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var isCollection = propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType);
            if (IsNestedOptions(propertyType, isCollection))
            {
                foreach (var nested in KeysOf(propertyType, key))
                    yield return nested;
            }
            else if (isCollection && propertyType.IsGenericType && IsNestedOptions(propertyType.GetGenericArguments()[0], isCollection: false))
            {
                foreach (var nested in KeysOf(propertyType.GetGenericArguments()[0], key + ":#"))
                    yield return nested;
            }
            else
            {
                yield return (key, isCollection);
            }
        }
    }

    [GeneratedRegex(@":\d+:")]
    private static partial Regex ElementIndex();

    private static bool IsNestedOptions(Type type, bool isCollection) =>
        type.IsClass && !isCollection && type != typeof(string) && type.Namespace?.StartsWith("Opside", StringComparison.Ordinal) == true;
}

/// <summary>Locating and reading the deployment files, and small helpers over YamlDotNet's representation model.</summary>
internal static partial class DeploymentFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Opside.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Opside.sln.");
    });

    public static string RepositoryRoot => Root.Value;

    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    public static IReadOnlyList<YamlDocument> LoadYaml(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} does not exist");
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Where(d => d.RootNode is not YamlScalarNode { Value: null or "" }).ToList();
    }

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlMappingNode map, string key) => map.Get(key).AsScalar();

    public static string? AsScalar(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The entries of a mapping with YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied: own keys win.</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> Flatten(this YamlMappingNode map)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (map.Get("<<") is { } merged)
        {
            IEnumerable<YamlNode> sources = merged is YamlSequenceNode list ? list.Children : [merged];
            foreach (var source in sources.OfType<YamlMappingNode>().Reverse())
            {
                foreach (var (key, value) in source.Flatten())
                    result[key] = value;
            }
        }

        foreach (var (key, value) in map.Children)
        {
            if (key.AsScalar() is { } name && name != "<<")
                result[name] = value;
        }

        return result;
    }

    /// <summary>
    /// Every password the YAML spells out: values of keys whose name mentions a password, and the
    /// <c>Password=</c> part of connection strings.
    /// </summary>
    public static IEnumerable<(string Where, string Value)> PasswordValues(YamlNode root)
    {
        foreach (var node in root.AllNodes)
        {
            if (node is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key.AsScalar() is { } name && name.Contains("password", StringComparison.OrdinalIgnoreCase) && value.AsScalar() is { } secret)
                        yield return (name, secret);
                }
            }
            else if (node.AsScalar() is { } text)
            {
                foreach (Match match in ConnectionStringPassword().Matches(text))
                    yield return (text, match.Groups["value"].Value);
            }
        }
    }

    [GeneratedRegex(@"(?:^|;)\s*(?:Password|Pwd)\s*=\s*(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
