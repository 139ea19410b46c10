using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Opside.Api.Claims;
using Opside.Grains.Scoring;
using Opside.Scoring.Training;

namespace Opside.Api.Ops;

/// <summary>
/// The refund models for ops (docs/api.md, "Scores"; docs/model-card.md): the versions and their test metrics,
/// training a new one (promoted only when at least as good as the one served), promotion and rollback. The model
/// registry grain does the work, one request at a time.
/// </summary>
public static class OpsModelsApi
{
    private const string TrainingBody = """Expected no body, or { "bootstrap": true, "bootstrapRows": 50000, "seed": 20261207 } (each optional).""";

    public static RouteGroupBuilder MapOpsModelsApi(this RouteGroupBuilder ops)
    {
        ops.MapGet("/models", ListAsync).WithSummary("The refund model versions, newest first, with their test metrics and the one served.");
        ops.MapPost("/models/train", TrainAsync)
            .WithSummary("Trains a refund model on the workflow's decisions (bootstrap data until there are enough) and promotes it if at least as good.")
            .Accepts<ModelTrainingRequest>("application/json");
        ops.MapPost("/models/{version}/promote", PromoteAsync)
            .WithSummary("Serves that version; 409 when it is worse than the model served on today's test split.");
        ops.MapPost("/models/rollback", RollbackAsync).WithSummary("Serves again the version served before the current one.");
        return ops;
    }

    private static async Task<Ok<IReadOnlyList<ModelVersionView>>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains).ListAsync());

    private static async Task<Results<Ok<ModelTrainingResult>, ProblemHttpResult>> TrainAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var command = new ModelTrainingCommand(Actor(user));
        if (request.ContentLength is not 0 && (request.ContentLength is > 0 || request.ContentType is not null))
        {
            var (body, problem) = await JsonCommandBody.ReadAsync(request, TrainingBody, cancellationToken);
            if (problem is not null)
                return problem;
            if (JsonCommandBody.Field(body!.Value, "bootstrap") is { } bootstrap)
            {
                if (bootstrap.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return JsonCommandBody.Invalid("bootstrap", "Expected true or false.", TrainingBody);
                command = command with { Bootstrap = bootstrap.GetBoolean() };
            }

            if (JsonCommandBody.Field(body.Value, "bootstrapRows") is { } rows)
            {
                if (rows.ValueKind != JsonValueKind.Number || !rows.TryGetInt32(out var count) || count is < ModelTrainer.MinimumExamples or > RefundModelTraining.MaxBootstrapRows)
                    return JsonCommandBody.Invalid("bootstrapRows", $"Expected a whole number from {ModelTrainer.MinimumExamples} to {RefundModelTraining.MaxBootstrapRows}.", TrainingBody);
                command = command with { BootstrapRows = count };
            }

            if (JsonCommandBody.Field(body.Value, "seed") is { } seed)
            {
                if (seed.ValueKind != JsonValueKind.Number || !seed.TryGetInt32(out var value))
                    return JsonCommandBody.Invalid("seed", "Expected a whole number.", TrainingBody);
                command = command with { Seed = value };
            }
        }

        return TypedResults.Ok(await Registry(grains).TrainAsync(command));
    }

    private static async Task<Ok<ModelVersionView>> PromoteAsync(string version, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains).PromoteAsync(version, Actor(user)));

    private static async Task<Ok<ModelVersionView>> RollbackAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains).RollbackAsync(Actor(user)));

    private static IModelRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Key);

    private static string Actor(ClaimsPrincipal user) => user.FindFirst("sub")?.Value ?? "unknown";
}

public sealed record ModelTrainingRequest(bool? Bootstrap, int? BootstrapRows, int? Seed);
