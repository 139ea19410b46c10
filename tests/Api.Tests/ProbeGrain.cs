using Microsoft.Extensions.Logging;

namespace Opside.Api.Tests;

/// <summary>A grain the tests call through the API pipeline: it logs, keeps state, and can fail on demand.</summary>
[Alias("opside.tests.probe")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("record")]
    Task<int> RecordAsync(string note);

    [Alias("count")]
    Task<int> CountAsync();
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
}
