using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Opside.Silo.Tests.Deployment;

/// <summary>
/// The manifests under deploy/kubernetes cannot be applied on the build machines (there is no cluster),
/// so they are checked by parsing, and against docker-compose.yml so the two deployments stay alike.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string ManifestFolder = "deploy/kubernetes";
    private const string SiloDeployment = "opside-silo";
    private const string ApiDeployment = "opside-api";
    private const string MigrationJob = "opside-migrate";

    private static readonly string[] PasswordPlaceholders = ["CHANGE_ME", "<password>"];

    /// <summary>What a client and the silos must agree on to form one cluster.</summary>
    private static readonly string[] SharedClusterSettings = ["Orleans__ClusterId", "Orleans__ServiceId", "ConnectionStrings__Opside"];

    private static readonly string[] Probes = ["startupProbe", "livenessProbe", "readinessProbe"];

    private static readonly string[] ClusterMembers = [SiloDeployment, ApiDeployment];

    private static readonly string[] TlsFiles = ["Orleans__Tls__CertificatePath", "Orleans__Tls__KeyPath"];

    private readonly IReadOnlyList<Manifest> _manifests = Manifest.LoadAll(ManifestFolder);

    [Fact]
    public void Every_document_has_an_api_version_a_kind_and_a_name_but_no_namespace()
    {
        Assert.NotEmpty(_manifests);
        var problems = new List<string>();
        foreach (var manifest in _manifests)
        {
            if (manifest.Document.Scalar("apiVersion") is null || manifest.Kind is null || manifest.Name is null)
                problems.Add($"{manifest}: needs apiVersion, kind and metadata.name");
            if ((manifest.Document.Get("metadata") as YamlMappingNode)?.Get("namespace") is not null)
                problems.Add($"{manifest}: sets metadata.namespace; the manifests are applied with -n");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_environment_variable_of_every_container_is_an_option_the_code_binds()
    {
        var containers = _manifests.SelectMany(m => m.Containers.Select(c => (Manifest: m, Container: c))).ToList();
        Assert.NotEmpty(containers);

        var unknown = containers
            .SelectMany(c => Manifest.Environment(c.Container).Keys.Select(variable => (Where: $"{c.Manifest}/{c.Container.Scalar("name")}", Variable: variable)))
            .Where(e => !OptionKeys.IsKnownEnvironmentVariable(e.Variable))
            .Select(e => $"{e.Where}: {e.Variable}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_silo_exposes_http_silo_and_gateway_ports()
    {
        var ports = Manifest.Container(Deployment(SiloDeployment)).Get("ports") as YamlSequenceNode;
        var numbers = ports?.Children.OfType<YamlMappingNode>().Select(p => p.Scalar("containerPort")).ToList() ?? [];

        Assert.Contains("8080", numbers);
        Assert.Contains("11111", numbers);
        Assert.Contains("30000", numbers);
    }

    [Fact]
    public void The_silo_advertises_its_pod_ip_to_the_cluster()
    {
        var container = Manifest.Container(Deployment(SiloDeployment));
        var advertised = Manifest.EnvironmentEntries(container).SingleOrDefault(e => e.Scalar("name") == "Orleans__AdvertisedAddress");

        Assert.NotNull(advertised);
        var fieldRef = ((advertised.Get("valueFrom") as YamlMappingNode)?.Get("fieldRef") as YamlMappingNode)?.Scalar("fieldPath");
        Assert.Equal("status.podIP", fieldRef);
    }

    [Fact]
    public void The_silos_and_the_api_share_the_AdoNet_cluster_and_one_connection_string_secret()
    {
        var silo = Manifest.Environment(Manifest.Container(Deployment(SiloDeployment)));
        var api = Manifest.Environment(Manifest.Container(Deployment(ApiDeployment)));

        Assert.Equal("AdoNet", silo.GetValueOrDefault("Cluster__Provider"));
        Assert.Equal("AdoNet", api.GetValueOrDefault("Cluster__Provider"));
        Assert.Equal("Client", api.GetValueOrDefault("Orleans__Role"));
        foreach (var variable in SharedClusterSettings)
        {
            Assert.NotNull(silo.GetValueOrDefault(variable));
            Assert.Equal(silo[variable], api.GetValueOrDefault(variable));
        }
    }

    [Fact]
    public void At_least_two_silos_run_and_a_disruption_budget_keeps_one_up()
    {
        var deployment = Deployment(SiloDeployment);
        var spec = (YamlMappingNode)deployment.Document.Get("spec")!;
        Assert.True(int.Parse(spec.Scalar("replicas") ?? "1", CultureInfo.InvariantCulture) >= 2, "the silo Deployment needs at least two replicas");

        var podLabels = deployment.PodLabels;
        var budget = Assert.Single(_manifests, m => m.Kind == "PodDisruptionBudget"
            && Manifest.MatchLabels(m.Document.Get("spec")) is { Count: > 0 } selector
            && selector.All(l => podLabels.GetValueOrDefault(l.Key) == l.Value));
        var budgetSpec = (YamlMappingNode)budget.Document.Get("spec")!;
        Assert.True(budgetSpec.Scalar("maxUnavailable") is "1" || budgetSpec.Scalar("minAvailable") is "1",
            "with two replicas, the budget must let exactly one silo go at a time");
    }

    [Fact]
    public void Every_deployment_probes_health_live_for_liveness_and_health_ready_for_readiness()
    {
        var deployments = _manifests.Where(m => m.Kind == "Deployment").ToList();
        Assert.NotEmpty(deployments);

        var problems = new List<string>();
        foreach (var deployment in deployments)
        {
            foreach (var container in deployment.Containers)
            {
                var where = $"{deployment}/{container.Scalar("name")}";
                if (ProbePath(container, "livenessProbe") != "/health/live")
                    problems.Add($"{where}: livenessProbe must GET /health/live");
                if (ProbePath(container, "readinessProbe") != "/health/ready")
                    problems.Add($"{where}: readinessProbe must GET /health/ready");
                if (container.Get("startupProbe") is not null && ProbePath(container, "startupProbe") != "/health/live")
                    problems.Add($"{where}: startupProbe must GET /health/live");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void No_container_has_a_cpu_limit()
    {
        var limited = _manifests
            .SelectMany(m => m.Containers.Select(c => (Manifest: m, Container: c)))
            .Where(c => ((c.Container.Get("resources") as YamlMappingNode)?.Get("limits") as YamlMappingNode)?.Get("cpu") is not null)
            .Select(c => $"{c.Manifest}/{c.Container.Scalar("name")}");

        Assert.Empty(limited);
    }

    [Fact]
    public void The_silo_gets_longer_to_stop_than_its_graceful_shutdown_timeout()
    {
        var deployment = Deployment(SiloDeployment);
        var shutdown = Manifest.Environment(Manifest.Container(deployment)).GetValueOrDefault("DOTNET_SHUTDOWNTIMEOUTSECONDS");
        var grace = deployment.PodTemplate!.Scalar("terminationGracePeriodSeconds");

        Assert.NotNull(shutdown);
        Assert.NotNull(grace);
        Assert.True(int.Parse(grace, CultureInfo.InvariantCulture) > int.Parse(shutdown, CultureInfo.InvariantCulture),
            $"terminationGracePeriodSeconds {grace} must exceed the {shutdown} s host shutdown timeout");
    }

    [Fact]
    public void The_migration_job_runs_the_silo_image_with_the_migrate_command()
    {
        var job = Assert.Single(_manifests, m => m.Kind == "Job" && m.Name == MigrationJob);
        var container = Manifest.Container(job);
        var args = (container.Get("args") as YamlSequenceNode)?.Children.Select(c => c.AsScalar()).ToList();

        Assert.Equal(["migrate"], args);
        Assert.Equal(Manifest.Container(Deployment(SiloDeployment)).Scalar("image"), container.Scalar("image"));
        Assert.True(job.PodTemplate!.Scalar("restartPolicy") is "Never" or "OnFailure", "a Job's pods must not restart forever");
    }

    [Fact]
    public void The_api_service_routes_to_the_api_pods_http_port()
    {
        var deployment = Deployment(ApiDeployment);
        var service = Assert.Single(_manifests, m => m.Kind == "Service" && m.Name == ApiDeployment);
        var spec = (YamlMappingNode)service.Document.Get("spec")!;
        var selector = (spec.Get("selector") as YamlMappingNode)?.Flatten().ToDictionary(e => e.Key, e => e.Value.AsScalar()) ?? [];
        var podLabels = deployment.PodLabels;

        Assert.NotEmpty(selector);
        Assert.All(selector, l => Assert.Equal(l.Value, podLabels.GetValueOrDefault(l.Key)));
        var containerPorts = (Manifest.Container(deployment).Get("ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        Assert.All((spec.Get("ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [], port =>
            Assert.Contains(containerPorts, p => p.Scalar("name") == port.Scalar("targetPort") || p.Scalar("containerPort") == port.Scalar("targetPort")));
    }

    [Fact]
    public void Every_secret_reference_names_a_key_of_the_example_secret()
    {
        var secrets = _manifests.Where(m => m.Kind == "Secret")
            .ToDictionary(m => m.Name!, m => ((m.Document.Get("stringData") ?? m.Document.Get("data")) as YamlMappingNode)?.Children.Keys.Select(k => k.AsScalar()).ToHashSet() ?? []);

        var references = _manifests
            .SelectMany(m => m.Containers.SelectMany(Manifest.EnvironmentEntries).Select(e => (Manifest: m, Entry: e)))
            .Select(e => (e.Manifest, Ref: (e.Entry.Get("valueFrom") as YamlMappingNode)?.Get("secretKeyRef") as YamlMappingNode))
            .Where(e => e.Ref is not null)
            .Select(e => (e.Manifest, Name: e.Ref!.Scalar("name") ?? "", Key: e.Ref!.Scalar("key")))
            .ToList();
        Assert.NotEmpty(references);

        var dangling = references
            .Where(r => !(secrets.TryGetValue(r.Name, out var keys) && keys.Contains(r.Key)))
            .Select(r => $"{r.Manifest}: {r.Name}/{r.Key}");
        Assert.Empty(dangling);
    }

    [Fact]
    public void No_password_is_written_in_the_manifests_only_placeholders()
    {
        var literals = _manifests
            .SelectMany(m => DeploymentFiles.PasswordValues(m.Document).Select(p => (Manifest: m, p.Value)))
            .Where(p => !PasswordPlaceholders.Contains(p.Value, StringComparer.Ordinal))
            .Select(p => $"{p.Manifest}: {p.Value}");

        Assert.Empty(literals);
    }

    [Fact]
    public void The_manifests_set_the_same_options_as_the_compose_file()
    {
        var compose = ComposeFile.Load();
        var pairs = compose.Silos.Select(silo => (Service: silo, Workload: Deployment(SiloDeployment)))
            .Append((compose.Api, Deployment(ApiDeployment)))
            .Append((compose.Migrate, Assert.Single(_manifests, m => m.Kind == "Job" && m.Name == MigrationJob)))
            .ToList();
        Assert.NotEmpty(compose.Silos);
        // Values that must agree; the rest (cluster id, connection string, addresses) legitimately differ per environment.
        string[] sameValue = ["Orleans__Role", "Orleans__ServiceId", "Cluster__Provider", "Storage__Provider", "Storage__MigrateOnStart", "DOTNET_SHUTDOWNTIMEOUTSECONDS"];

        var problems = new List<string>();
        foreach (var ((service, definition), workload) in pairs)
        {
            var composeEnvironment = ComposeFile.Environment(definition);
            var kubernetesEnvironment = Manifest.Environment(Manifest.Container(workload));
            foreach (var (variable, value) in composeEnvironment)
            {
                if (!kubernetesEnvironment.TryGetValue(variable, out var kubernetesValue))
                    problems.Add($"{workload} does not set {variable}, which compose service {service} sets");
                else if (sameValue.Contains(variable, StringComparer.Ordinal) && kubernetesValue != value)
                    problems.Add($"{variable}: {workload} has '{kubernetesValue}', compose service {service} has '{value}'");
            }

            var composeImage = ImageRepository(definition.Scalar("image"));
            var kubernetesImage = ImageRepository(Manifest.Container(workload).Scalar("image"));
            if (composeImage != kubernetesImage)
                problems.Add($"{workload} runs image {kubernetesImage}, compose service {service} runs {composeImage}");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_container_has_a_read_only_root_filesystem_and_an_emptyDir_for_tmp()
    {
        var workloads = _manifests.Where(m => m.PodTemplate is not null).ToList();
        Assert.NotEmpty(workloads);

        var problems = new List<string>();
        foreach (var workload in workloads)
        {
            var emptyDirs = ((workload.PodTemplate!.Get("volumes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
                .Where(v => v.Get("emptyDir") is not null).Select(v => v.Scalar("name")).ToHashSet();
            foreach (var container in workload.Containers)
            {
                var where = $"{workload}/{container.Scalar("name")}";
                if ((container.Get("securityContext") as YamlMappingNode)?.Scalar("readOnlyRootFilesystem") != "true")
                    problems.Add($"{where}: securityContext.readOnlyRootFilesystem must be true");
                if (!Manifest.VolumeMounts(container).Any(m => m.Scalar("mountPath") == "/tmp" && emptyDirs.Contains(m.Scalar("name"))))
                    problems.Add($"{where}: /tmp must be an emptyDir");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void A_network_policy_admits_the_silo_port_only_from_silos_and_the_gateway_port_only_from_the_api_and_silos()
    {
        var siloLabels = Deployment(SiloDeployment).PodLabels;
        var policy = Assert.Single(_manifests, m => m.Kind == "NetworkPolicy"
            && ((m.Document.Get("spec") as YamlMappingNode)?.Get("podSelector") as YamlMappingNode)?.Get("matchLabels") is YamlMappingNode selector
            && selector.Flatten().All(l => siloLabels.GetValueOrDefault(l.Key) == l.Value.AsScalar()));
        var spec = (YamlMappingNode)policy.Document.Get("spec")!;
        Assert.Contains("Ingress", (spec.Get("policyTypes") as YamlSequenceNode)?.Children.Select(c => c.AsScalar()) ?? []);
        var rules = (spec.Get("ingress") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];

        Assert.Equal([SiloDeployment], AdmittedTo(rules, "11111"));
        Assert.Equal([ApiDeployment, SiloDeployment], AdmittedTo(rules, "30000"));
    }

    [Fact]
    public void Every_deployment_names_its_allowed_hosts_and_serves_metrics_and_probes_on_the_management_port()
    {
        var problems = new List<string>();
        foreach (var deployment in _manifests.Where(m => m.Kind == "Deployment"))
        {
            var container = Manifest.Container(deployment);
            var environment = Manifest.Environment(container);
            var allowed = environment.GetValueOrDefault("AllowedHosts");
            if (string.IsNullOrWhiteSpace(allowed) || allowed.Split(';').Contains("*"))
                problems.Add($"{deployment}: AllowedHosts must name the hosts, got '{allowed}'");
            var managementPort = environment.GetValueOrDefault("Management__Port");
            var ports = (container.Get("ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            var management = ports.SingleOrDefault(p => p.Scalar("containerPort") == managementPort);
            if (managementPort is null || management is null)
            {
                problems.Add($"{deployment}: Management__Port must be set and be a container port");
                continue;
            }

            foreach (var probe in Probes.Where(p => container.Get(p) is not null))
            {
                var port = ((container.Get(probe) as YamlMappingNode)?.Get("httpGet") as YamlMappingNode)?.Scalar("port");
                if (port != management.Scalar("name") && port != managementPort)
                    problems.Add($"{deployment}: {probe} must use the management port (the kubelet's Host is the pod IP, which AllowedHosts refuses)");
            }

            var annotations = ((deployment.Document.Get("spec") as YamlMappingNode)?.Get("template") as YamlMappingNode)?.Get("metadata") is YamlMappingNode metadata
                ? (metadata.Get("annotations") as YamlMappingNode)?.Scalar("prometheus.io/port") : null;
            if (annotations != managementPort)
                problems.Add($"{deployment}: prometheus.io/port must be the management port {managementPort}, got '{annotations}'");
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_silos_and_the_api_turn_on_orleans_tls_with_a_certificate_mounted_from_a_secret()
    {
        foreach (var name in ClusterMembers)
        {
            var deployment = Deployment(name);
            var container = Manifest.Container(deployment);
            var environment = Manifest.Environment(container);
            var secretVolumes = ((deployment.PodTemplate!.Get("volumes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
                .Where(v => v.Get("secret") is not null).Select(v => v.Scalar("name")).ToHashSet();
            var secretMounts = Manifest.VolumeMounts(container).Where(m => secretVolumes.Contains(m.Scalar("name"))).Select(m => m.Scalar("mountPath")!).ToList();

            foreach (var key in TlsFiles)
            {
                var path = environment.GetValueOrDefault(key);
                Assert.True(path is not null && secretMounts.Any(m => path.StartsWith(m.TrimEnd('/') + "/", StringComparison.Ordinal)),
                    $"{name}: {key} must point into a Secret volume, got '{path}'");
            }
        }
    }

    /// <summary>The pod names the ingress rules let reach <paramref name="port"/>; a rule open to anything else fails.</summary>
    private static List<string> AdmittedTo(IEnumerable<YamlMappingNode> rules, string port)
    {
        var admitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            var ports = (rule.Get("ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().Select(p => p.Scalar("port")).ToList();
            if (ports is not null && !ports.Contains(port))
                continue;
            var peers = (rule.Get("from") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList();
            Assert.True(peers is { Count: > 0 }, $"an ingress rule admits anyone to port {port}");
            foreach (var peer in peers)
            {
                Assert.True(peer.Get("ipBlock") is null && peer.Get("namespaceSelector") is null, $"an ingress rule admits more than Opside's pods to port {port}");
                var name = ((peer.Get("podSelector") as YamlMappingNode)?.Get("matchLabels") as YamlMappingNode)?.Scalar("app.kubernetes.io/name");
                Assert.True(name is not null, $"an ingress rule to port {port} admits pods without naming them");
                admitted.Add(name);
            }
        }

        return [.. admitted];
    }

    /// <summary>The image's repository without registry or tag: <c>registry:5000/team/opside-silo:1.2</c> is <c>opside-silo</c>.</summary>
    private static string? ImageRepository(string? image) => image?.Split('/')[^1].Split(':')[0];

    private static string? ProbePath(YamlMappingNode container, string probe) =>
        ((container.Get(probe) as YamlMappingNode)?.Get("httpGet") as YamlMappingNode)?.Scalar("path");

    private Manifest Deployment(string name) => Assert.Single(_manifests, m => m.Kind == "Deployment" && m.Name == name);
}

/// <summary>One YAML document of a manifest file.</summary>
internal sealed record Manifest(string File, int Index, YamlMappingNode Document)
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"];

    private static readonly string[] ContainerLists = ["initContainers", "containers"];

    public string? Kind => Document.Scalar("kind");

    public string? Name => (Document.Get("metadata") as YamlMappingNode)?.Scalar("name");

    /// <summary>The pod spec of a workload (<c>spec.template.spec</c>), or of a CronJob's job template, or of a bare Pod.</summary>
    public YamlMappingNode? PodTemplate => Kind switch
    {
        "Pod" => Document.Get("spec") as YamlMappingNode,
        "CronJob" => PodSpecOf(((Document.Get("spec") as YamlMappingNode)?.Get("jobTemplate") as YamlMappingNode)?.Get("spec")),
        _ when Kind is not null && WorkloadKinds.Contains(Kind) => PodSpecOf(Document.Get("spec")),
        _ => null,
    };

    /// <summary>The labels a workload gives its pods (<c>spec.template.metadata.labels</c>).</summary>
    public IReadOnlyDictionary<string, string?> PodLabels =>
        (((Document.Get("spec") as YamlMappingNode)?.Get("template") as YamlMappingNode)?.Get("metadata") as YamlMappingNode)?.Get("labels") is YamlMappingNode labels
            ? labels.Flatten().ToDictionary(l => l.Key, l => l.Value.AsScalar(), StringComparer.Ordinal)
            : new Dictionary<string, string?>();

    /// <summary>The containers and init containers of the pod spec, if this document has one.</summary>
    public IEnumerable<YamlMappingNode> Containers =>
        ContainerLists.SelectMany(key => (PodTemplate?.Get(key) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? []);

    public static IReadOnlyList<Manifest> LoadAll(string folder)
    {
        var directory = DeploymentFiles.PathOf(folder);
        Assert.True(Directory.Exists(directory), $"{folder} does not exist");
        return Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(DeploymentFiles.RepositoryRoot, f))
            .SelectMany(f => DeploymentFiles.LoadYaml(f).Select((d, i) => new Manifest(f, i, Assert.IsType<YamlMappingNode>(d.RootNode))))
            .ToList();
    }

    /// <summary>The single (non-init) container of a workload.</summary>
    public static YamlMappingNode Container(Manifest manifest) =>
        Assert.Single((manifest.PodTemplate?.Get("containers") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? []);

    public static IEnumerable<YamlMappingNode> VolumeMounts(YamlMappingNode container) =>
        (container.Get("volumeMounts") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    public static IEnumerable<YamlMappingNode> EnvironmentEntries(YamlMappingNode container) =>
        (container.Get("env") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    /// <summary>Variable name to literal value; a value taken from a reference (secret, field) maps to a description of it.</summary>
    public static IReadOnlyDictionary<string, string?> Environment(YamlMappingNode container) =>
        EnvironmentEntries(container).ToDictionary(e => e.Scalar("name")!, e => e.Scalar("value") ?? Describe(e.Get("valueFrom")), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string?> MatchLabels(YamlNode? spec) =>
        ((spec as YamlMappingNode)?.Get("selector") as YamlMappingNode)?.Get("matchLabels") is YamlMappingNode labels
            ? labels.Flatten().ToDictionary(l => l.Key, l => l.Value.AsScalar(), StringComparer.Ordinal)
            : new Dictionary<string, string?>();

    public override string ToString() => Index == 0 ? File : $"{File}#{Index}";

    private static YamlMappingNode? PodSpecOf(YamlNode? spec) =>
        ((spec as YamlMappingNode)?.Get("template") as YamlMappingNode)?.Get("spec") as YamlMappingNode;

    private static string? Describe(YamlNode? valueFrom) => valueFrom is YamlMappingNode from
        ? string.Join(",", from.Children.Select(c => $"{c.Key.AsScalar()}:{string.Join("/", (c.Value as YamlMappingNode)?.Children.Values.Select(v => v.AsScalar()) ?? [])}"))
        : null;
}
