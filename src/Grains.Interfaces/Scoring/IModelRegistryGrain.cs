namespace Opside.Grains.Scoring;

/// <summary>
/// The refund models of the cluster (docs/model-card.md, "Versions"): one grain (key <see cref="Key"/>) lists them,
/// trains a new one and promotes it only when it is at least as good as the one served, and promotes or rolls back on
/// an ops request. One call at a time, so two trainings or promotions never race.
/// </summary>
[Alias("opside.scoring.model-registry")]
public interface IModelRegistryGrain : IGrainWithStringKey
{
    public const string Key = "refund";

    [Alias("list")]
    Task<IReadOnlyList<ModelVersionView>> ListAsync();

    /// <summary>Training 100,000 decisions takes seconds on a busy silo: longer than Orleans' default 30 s response timeout allows for.</summary>
    [Alias("train"), ResponseTimeout("00:10:00")]
    Task<ModelTrainingResult> TrainAsync(ModelTrainingCommand command);

    /// <summary>Serves <paramref name="version"/> if it is at least as good as the current model on today's test split; 404 unknown, 409 worse.</summary>
    [Alias("promote"), ResponseTimeout("00:10:00")]
    Task<ModelVersionView> PromoteAsync(string version, string by);

    /// <summary>Serves again the version served before the current one; 409 when there is none.</summary>
    [Alias("rollback")]
    Task<ModelVersionView> RollbackAsync(string by);
}
