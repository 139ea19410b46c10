using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Opside.Storage;

namespace Opside.Hosting.Cluster;

/// <summary>
/// The hosting configuration, bound and validated before the host is built: Orleans is configured
/// from these values while the builder runs, so a bad value must stop the process there, naming the key.
/// </summary>
public sealed record OpsideHostingSettings(
    OrleansHostingOptions Orleans,
    ClusteringOptions Cluster,
    StorageOptions Storage)
{
    /// <summary>Binds and validates the hosting sections once, registers them as options, and returns them.</summary>
    public static OpsideHostingSettings Register(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        var settings = new OpsideHostingSettings(
            Bind<OrleansHostingOptions>(configuration, OrleansHostingOptions.Section),
            Bind<ClusteringOptions>(configuration, ClusteringOptions.Section),
            Bind<StorageOptions>(configuration, StorageOptions.Section, storage =>
            {
                storage.ConnectionString = connectionString;
                // Against the content root, not the working directory: a service manager may start the
                // process anywhere, and the data must be where it was last time.
                if (!string.IsNullOrWhiteSpace(storage.DataDirectory))
                    storage.DataDirectory = Path.GetFullPath(storage.DataDirectory, builder.Environment.ContentRootPath);
            }));

        var failures = Validate(settings.Orleans)
            .Concat(Validate(settings.Storage))
            .Concat(CrossSectionFailures(settings))
            .ToList();
        if (failures.Count > 0)
            throw new OptionsValidationException(nameof(OpsideHostingSettings), typeof(OpsideHostingSettings), failures);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(Options.Create(settings.Orleans));
        builder.Services.AddSingleton(Options.Create(settings.Cluster));
        builder.Services.AddSingleton(Options.Create(settings.Storage));
        return settings;
    }

    private static T Bind<T>(IConfiguration configuration, string section, Action<T>? complete = null) where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the target type; say which values are accepted too.
            throw new OptionsValidationException(section, typeof(T), [$"{ex.Message} {DescribeAcceptedValues<T>()}".Trim()]);
        }

        complete?.Invoke(options);
        return options;
    }

    private static string DescribeAcceptedValues<T>()
    {
        var enums = typeof(T).GetProperties()
            .Where(p => p.PropertyType.IsEnum)
            .Select(p => $"{p.Name}: {string.Join(" | ", Enum.GetNames(p.PropertyType))}");
        return string.Join("; ", enums) is { Length: > 0 } text ? $"Accepted values: {text}." : "";
    }

    private static IEnumerable<string> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "invalid value");
    }

    private static IEnumerable<string> CrossSectionFailures(OpsideHostingSettings settings)
    {
        if (settings.Cluster.Provider != ClusterProvider.AdoNet)
            yield break;
        if (string.IsNullOrWhiteSpace(settings.Storage.ConnectionString))
            yield return $"ConnectionStrings:{StorageOptions.ConnectionStringName} is required when Cluster:Provider is AdoNet.";
        // Each silo would keep its own SQLite file: a grain moving between silos would find other state,
        // and reminders owned by another silo would never fire.
        if (settings.Storage.Provider != StorageProvider.Postgres)
            yield return "Storage:Provider must be Postgres when Cluster:Provider is AdoNet: silos of one cluster must share their store.";
    }
}
