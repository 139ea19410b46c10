namespace Opside.Grains.Scoring;

/// <summary>
/// The cluster's one door to the refund models: a single activation, so trainings and promotions run one at a time.
/// The work is <see cref="RefundModelTraining"/>'s; the grain orders it and has its silo's catalog read the model served
/// at once (the other silos follow within <see cref="ModelCatalog.RefreshInterval"/>).
/// </summary>
[GrainType("model-registry")]
public sealed class ModelRegistryGrain(RefundModelTraining training, ModelCatalog catalog) : Grain, IModelRegistryGrain
{
    public Task<IReadOnlyList<ModelVersionView>> ListAsync() => training.ListAsync(CancellationToken.None);

    public async Task<ModelTrainingResult> TrainAsync(ModelTrainingCommand command)
    {
        var result = await training.TrainAsync(command, CancellationToken.None);
        catalog.Refresh();
        return result;
    }

    public async Task<ModelVersionView> PromoteAsync(string version, string by)
    {
        var served = await training.PromoteAsync(version, by, CancellationToken.None);
        catalog.Refresh();
        return served;
    }

    public async Task<ModelVersionView> RollbackAsync(string by)
    {
        var served = await training.RollbackAsync(by, CancellationToken.None);
        catalog.Refresh();
        return served;
    }
}
