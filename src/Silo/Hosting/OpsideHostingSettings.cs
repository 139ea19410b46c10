using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Opside.Silo.Storage;

namespace Opside.Silo.Hosting;

/// <summary>
/// The hosting configuration, bound and validated before the host is built: Orleans is configured
/// from these values while the builder runs, so a bad value must stop the process there, naming the key.
/// </summary>
public sealed record OpsideHostingSettings(
    OrleansHostingOptions Orleans,
    ClusterMembershipOptions Cluster,
    StorageOptions Storage)
{
    /// <summary>Binds and validates the hosting sections, registers them as validated options, and returns them.</summary>
    public static OpsideHostingSettings Register(IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        var settings = new OpsideHostingSettings(
            Bind<OrleansHostingOptions>(configuration, OrleansHostingOptions.Section),
            Bind<ClusterMembershipOptions>(configuration, ClusterMembershipOptions.Section),
            Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.ConnectionString = connectionString));

        var failures = Validate(settings.Orleans)
            .Concat(Validate(settings.Storage))
            .Concat(CrossSectionFailures(settings))
            .ToList();
        if (failures.Count > 0)
            throw new OptionsValidationException(nameof(OpsideHostingSettings), typeof(OpsideHostingSettings), failures);

        builder.Services.AddSingleton(settings);
        AddValidatedOptions<OrleansHostingOptions>(builder.Services, OrleansHostingOptions.Section);
        AddValidatedOptions<ClusterMembershipOptions>(builder.Services, ClusterMembershipOptions.Section);
        AddValidatedOptions<StorageOptions>(builder.Services, StorageOptions.Section)
            .Configure(o => o.ConnectionString = connectionString);
        return settings;
    }

    private static T Bind<T>(IConfiguration configuration, string section, Action<T>? fill = null) where T : new()
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

        fill?.Invoke(options);
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
        if (settings.Cluster.Provider == ClusterProvider.AdoNet && string.IsNullOrWhiteSpace(settings.Storage.ConnectionString))
            yield return $"ConnectionStrings:{StorageOptions.ConnectionStringName} is required when Cluster:Provider is AdoNet.";
    }

    private static OptionsBuilder<T> AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
