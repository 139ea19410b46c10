namespace Opside.Hosting.Cluster;

/// <summary>Where cluster membership lives. Bound from the <c>Cluster</c> section.</summary>
public sealed class ClusteringOptions
{
    public const string Section = "Cluster";

    /// <summary><c>Localhost</c>: a single-node development cluster; <c>AdoNet</c>: membership in PostgreSQL, for several silos.</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.Localhost;
}

public enum ClusterProvider
{
    Localhost,
    AdoNet,
}
