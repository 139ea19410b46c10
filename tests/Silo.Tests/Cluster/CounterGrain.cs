namespace Opside.Silo.Tests.Cluster;

/// <summary>A persistent counter that reports which silo runs it, to observe placement and failover.</summary>
[Alias("opside.tests.counter")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();

    [Alias("get")]
    Task<int> GetAsync();

    [Alias("silo")]
    Task<string> GetSiloAsync();
}

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}

[GrainType("test-counter")]
public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> state,
    ILocalSiloDetails localSilo) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task<string> GetSiloAsync() => Task.FromResult(localSilo.SiloAddress.ToString());
}
