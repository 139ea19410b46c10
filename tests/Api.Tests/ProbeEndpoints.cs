using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Opside.Hosting.Web;

namespace Opside.Api.Tests;

/// <summary>
/// Routes that exist only in tests, to drive a grain call, a JSON body and an unhandled exception
/// through the API's own middleware (correlation, problem details) before the product has such routes.
/// </summary>
internal sealed class ProbeEndpoints : IStartupFilter
{
    public const string Prefix = "/__probe";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Prefix),
            branch =>
            {
                // Routing first, as WebApplication does: authorization needs the endpoint's metadata.
                branch.UseRouting();
                branch.UseOpsideRequestPipeline();
                branch.UseSiloLossRetry();
                branch.UseEndpoints(endpoints =>
                {
                    var probes = endpoints.MapGroup(Prefix).ExcludeFromDescription().AllowAnonymous();
                    probes.MapPost("/{id}", async (string id, ProbeNote body, IGrainFactory grains) =>
                        TypedResultsCount(await grains.GetGrain<IProbeGrain>(id).RecordAsync(body.Note)));
                    probes.MapGet("/{id}", async (string id, IGrainFactory grains) =>
                        TypedResultsCount(await grains.GetGrain<IProbeGrain>(id).CountAsync()));
                    probes.MapPost("/{id}/refusals/{kind}", async Task<IResult> (string id, string kind, IGrainFactory grains) =>
                    {
                        await grains.GetGrain<IProbeGrain>(id).RefuseAsync(kind);
                        return Results.NoContent();
                    });
                    // Fails as a call to a dead silo does, the first `failures` times for each key, then answers the call count.
                    probes.MapMethods("/silo-loss/{key}/{failures:int}", ["GET", "POST"], (string key, int failures) =>
                    {
                        var calls = SiloLossCalls.AddOrUpdate(key, 1, (_, n) => n + 1);
                        return calls <= failures ? throw new Orleans.Runtime.SiloUnavailableException("probe: the silo is gone") : Results.Ok(new ProbeCount(calls));
                    });
                    probes.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internal detail"));
                });
            });
        next(app);
    };

    /// <summary>Calls of each silo-loss probe key, across requests.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> SiloLossCalls = new(StringComparer.Ordinal);

    private static IResult TypedResultsCount(int count) => Results.Ok(new ProbeCount(count));
}

public sealed record ProbeNote(string Note);

public sealed record ProbeCount(int Count);
