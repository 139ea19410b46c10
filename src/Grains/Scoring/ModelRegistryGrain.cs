namespace Opside.Grains.Scoring;

/// <summary>
/// The cluster's one door to the refund models: a single activation, so trainings and promotions run one at a time.
/// The work is <see cref="RefundModelTraining"/>'s; the grain orders it.
/// </summary>
[GrainType("model-registry")]
public sealed class ModelRegistryGrain(RefundModelTraining training) : Grain, IModelRegistryGrain
{
    public Task<IReadOnlyList<ModelVersionView>> ListAsync() => training.ListAsync(CancellationToken.None);

    public Task<ModelTrainingResult> TrainAsync(ModelTrainingCommand command) => training.TrainAsync(command, CancellationToken.None);

    public Task<ModelVersionView> PromoteAsync(string version, string by) => training.PromoteAsync(version, by, CancellationToken.None);

    public Task<ModelVersionView> RollbackAsync(string by) => training.RollbackAsync(by, CancellationToken.None);
}
