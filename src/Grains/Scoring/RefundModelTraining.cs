using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Opside.DataPlane.Storage;
using Opside.Grains.Errors;
using Opside.Scoring;
using Opside.Scoring.Bootstrap;
using Opside.Scoring.Serving;
using Opside.Scoring.Training;
using Opside.Scoring.Storage;

namespace Opside.Grains.Scoring;

/// <summary>
/// Training, promotion and rollback of the refund model (docs/model-card.md, "Versions"), shared by the model registry
/// grain and the <c>train-model</c> command. A run trains on the workflow's real decisions once there are
/// <see cref="MinimumRealDecisions"/>, on bootstrap data before (or when asked); stores the new version; and promotes it
/// only if it is at least as good as the model served, both measured on the new run's test split: AUC not lower and log
/// loss not higher.
/// </summary>
public sealed partial class RefundModelTraining(IModelStore models, IDataPlaneStore claims, TimeProvider time, ILogger<RefundModelTraining> logger)
{
    /// <summary>Fewer real decisions than this leave too few in the test split of each claim type to trust; bootstrap data trains instead.</summary>
    public const int MinimumRealDecisions = 1_000;

    public const int DefaultBootstrapRows = 50_000;

    public const int MaxBootstrapRows = 500_000;

    public const int DefaultSeed = 20261207;

    /// <summary>Bootstrap decisions span these two years whatever the day, so a seed always gives the same data.</summary>
    private static readonly DateTimeOffset BootstrapFrom = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset BootstrapUntil = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<ModelTrainingResult> TrainAsync(ModelTrainingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var rows = command.BootstrapRows ?? DefaultBootstrapRows;
        if (rows < ModelTrainer.MinimumExamples || rows > MaxBootstrapRows)
            throw new InvalidRequestException($"bootstrapRows must be from {ModelTrainer.MinimumExamples} to {MaxBootstrapRows}.");
        var seed = command.Seed ?? DefaultSeed;
        var real = await DecidedClaims.ReadAsync(claims, cancellationToken);
        var bootstrap = command.Bootstrap || real.Count < MinimumRealDecisions;
        var examples = bootstrap ? BootstrapOutcomes.Generate(rows, seed, BootstrapFrom, BootstrapUntil) : real;
        var trainedAt = time.GetUtcNow();
        var version = await NewVersionAsync(trainedAt, cancellationToken);

        // CPU work off the caller's scheduler (a grain's): seconds of it must not hold the activation's thread.
        var package = await Task.Run(() => ModelTrainer.Train(examples, new TrainingRun(version, trainedAt, bootstrap, seed)), cancellationToken);
        var test = ModelTrainer.TestSplit(examples);
        var current = await CurrentAsync(cancellationToken);
        var currentOnTest = current is null ? null : await Task.Run(() => ModelEvaluator.Evaluate(new ClaimScorer(current), test), cancellationToken);
        var (promote, reason) = Compare(package.Metadata.Metrics, current?.Metadata.Version, currentOnTest);

        await models.AddAsync(Stored(package.Metadata), package.ToZip(), cancellationToken);
        if (promote)
            await models.PromoteAsync(version, command.RequestedBy, "promoted", trainedAt, cancellationToken);
        LogTrained(version, bootstrap, examples.Count, package.Metadata.Metrics.Auc, package.Metadata.Metrics.CalibrationError, promote, reason);
        return new ModelTrainingResult(View(package.Metadata, promote), real.Count, promote, reason, currentOnTest is null ? null : Metrics(currentOnTest));
    }

    public async Task<IReadOnlyList<ModelVersionView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await models.ListAsync(cancellationToken)).Select(m => View(Metadata(m), m.Current))];

    /// <summary>
    /// Serves <paramref name="version"/> if, on the test split of the data a training run would use today, it is at least
    /// as good as the model served.
    /// </summary>
    public async Task<ModelVersionView> PromoteAsync(string version, string by, CancellationToken cancellationToken)
    {
        var candidate = await PackageAsync(version, cancellationToken)
            ?? throw new ResourceNotFoundException($"No model version '{version}' is stored.");
        var current = await CurrentAsync(cancellationToken);
        if (current is not null && current.Metadata.Version != version)
        {
            var real = await DecidedClaims.ReadAsync(claims, cancellationToken);
            var examples = real.Count >= MinimumRealDecisions ? real : BootstrapOutcomes.Generate(DefaultBootstrapRows, DefaultSeed, BootstrapFrom, BootstrapUntil);
            var test = ModelTrainer.TestSplit(examples);
            var (candidateMetrics, currentMetrics) = await Task.Run(
                () => (ModelEvaluator.Evaluate(new ClaimScorer(candidate), test), ModelEvaluator.Evaluate(new ClaimScorer(current), test)), cancellationToken);
            var (better, reason) = Compare(candidateMetrics, current.Metadata.Version, currentMetrics);
            if (!better)
                throw new StateConflictException($"Model {version} is not promoted: {reason}.");
        }

        await models.PromoteAsync(version, by, "promoted", time.GetUtcNow(), cancellationToken);
        LogPromoted(version, by, "promoted");
        return View(candidate.Metadata, current: true);
    }

    /// <summary>Serves again the version served before the current one (a rollback skips the comparison: it is the way back).</summary>
    public async Task<ModelVersionView> RollbackAsync(string by, CancellationToken cancellationToken)
    {
        var promotions = await models.PromotionsAsync(1_000, cancellationToken);
        if (promotions.Count == 0)
            throw new StateConflictException("No model is served yet, so there is nothing to roll back.");
        var previous = promotions.FirstOrDefault(p => p.Version != promotions[0].Version)
            ?? throw new StateConflictException($"Model {promotions[0].Version} is the only one ever served: there is no earlier one to roll back to.");
        await models.PromoteAsync(previous.Version, by, "rollback", time.GetUtcNow(), cancellationToken);
        LogPromoted(previous.Version, by, "rollback");
        var package = await PackageAsync(previous.Version, cancellationToken) ?? throw new ResourceNotFoundException($"No model version '{previous.Version}' is stored.");
        return View(package.Metadata, current: true);
    }

    /// <summary>The model served now, loaded whole; null when none has been promoted.</summary>
    public async Task<ModelPackage?> CurrentAsync(CancellationToken cancellationToken) =>
        await models.GetCurrentAsync(cancellationToken) is { } current ? await PackageAsync(current.Version, cancellationToken) : null;

    private async Task<ModelPackage?> PackageAsync(string version, CancellationToken cancellationToken) =>
        await models.GetPackageAsync(version, cancellationToken) is { } zip ? ModelPackage.FromZip(zip) : null;

    private static (bool Promote, string Reason) Compare(ModelMetrics candidate, string? currentVersion, ModelMetrics? current)
    {
        if (current is null)
            return (true, "the first model");
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"AUC {candidate.Auc:F4} against {current.Auc:F4}, log loss {candidate.LogLoss:F4} against {current.LogLoss:F4} for {currentVersion} on the same test split");
        return candidate.Auc >= current.Auc && candidate.LogLoss <= current.LogLoss
            ? (true, "at least as good: " + figures)
            : (false, "worse: " + figures);
    }

    /// <summary>A version named by its training time, to the second, with a counter when two runs share the second.</summary>
    private async Task<string> NewVersionAsync(DateTimeOffset trainedAt, CancellationToken cancellationToken)
    {
        var taken = (await models.ListAsync(cancellationToken)).Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
        var name = "refund-" + trainedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var version = name;
        for (var n = 2; taken.Contains(version); n++)
            version = $"{name}-{n}";
        return version;
    }

    private static StoredModel Stored(ModelMetadata metadata) =>
        new(metadata.Version, metadata.TrainedAt, metadata.Bootstrap, JsonSerializer.Serialize(metadata, ModelPackage.Json), Current: false);

    private static ModelMetadata Metadata(StoredModel model) =>
        JsonSerializer.Deserialize<ModelMetadata>(model.MetadataJson, ModelPackage.Json)
        ?? throw new JsonException($"Model {model.Version} has no metadata.");

    private static ModelVersionView View(ModelMetadata metadata, bool current) =>
        new(metadata.Version, metadata.TrainedAt, current, metadata.Bootstrap, Metrics(metadata.Metrics));

    private static ModelMetricsView Metrics(ModelMetrics metrics) => new(metrics.Auc, metrics.LogLoss, metrics.CalibrationError);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund model {Version} trained (bootstrap {Bootstrap}, {Examples} decisions): AUC {Auc:F4}, calibration error {CalibrationError:F4}; promoted {Promoted}: {Reason}")]
    private partial void LogTrained(string version, bool bootstrap, int examples, double auc, double calibrationError, bool promoted, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund model {Version} now served ({Kind} by {By})")]
    private partial void LogPromoted(string version, string by, string kind);
}
