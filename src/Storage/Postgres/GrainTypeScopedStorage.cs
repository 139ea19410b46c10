using Orleans.Storage;

namespace Opside.Storage.Postgres;

/// <summary>
/// The ADO.NET provider identifies a record by state name and grain key only, so <c>seller/s-1</c> and
/// <c>claim/s-1</c> with the same state name would share one row. Prefixing the state name with the
/// grain type gives PostgreSQL the identity the SQLite provider has (type, key, state name), and makes
/// the <c>graintypestring</c> column say whose state a row is.
/// </summary>
public sealed class GrainTypeScopedStorage(IGrainStorage inner) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(Scoped(stateName, grainId), grainId, grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(Scoped(stateName, grainId), grainId, grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(Scoped(stateName, grainId), grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(Scoped(stateName, grainId), grainId, grainState, cancellationToken);

    private static string Scoped(string stateName, GrainId grainId) => $"{grainId.Type}/{stateName}";
}
