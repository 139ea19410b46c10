using Microsoft.Extensions.Logging;
using Opside.Grains.Errors;

namespace Opside.Api.Tests;

/// <summary>A grain the tests call through the API pipeline: it logs, keeps state, and can fail on demand.</summary>
[Alias("opside.tests.probe")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task<int> RecordAsync(string note);

    [Alias("count")]
    Task<int> CountAsync();

    /// <summary>Throws the domain exception named by <paramref name="kind"/>, as a grain refusing a caller would.</summary>
    [Alias("refuse")]
    Task RefuseAsync(string kind);
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public List<string> Notes { get; set; } = [];
}

[GrainType("test-probe")]
public sealed class ProbeGrain(
    [PersistentState("probe")] IPersistentState<ProbeState> state,
    ILogger<ProbeGrain> logger) : Grain, IProbeGrain
{
    public async Task<int> RecordAsync(string note)
    {
        logger.LogInformation("Probe {Probe} recorded {Note}", this.GetPrimaryKeyString(), note);
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
        return state.State.Notes.Count;
    }

    public Task<int> CountAsync() => Task.FromResult(state.State.Notes.Count);

    public Task RefuseAsync(string kind) => throw kind switch
    {
        "not-found" => new ResourceNotFoundException($"Probe {this.GetPrimaryKeyString()} refuses: not found."),
        "conflict" => new StateConflictException($"Probe {this.GetPrimaryKeyString()} refuses: conflict."),
        "invalid" => new InvalidRequestException($"Probe {this.GetPrimaryKeyString()} refuses: invalid."),
        "not-connected" => new NotConnectedException($"Probe {this.GetPrimaryKeyString()} refuses: not connected."),
        _ => new InvalidOperationException($"Probe {this.GetPrimaryKeyString()} has a bug."),
    };
}
