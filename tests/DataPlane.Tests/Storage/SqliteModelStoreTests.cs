using Microsoft.Extensions.Logging.Abstractions;
using Opside.Scoring.Storage;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.DataPlane.Tests.Storage;

public sealed class SqliteModelStoreTests : ModelStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IModelStore> OpenModelStoreAsync() =>
        Task.FromResult<IModelStore>(new SqliteModelStore(new SqliteDatabase(Path.Combine(_directory.Path, "opside.db"), NullLogger<SqliteDatabase>.Instance)));

    public void Dispose() => _directory.Dispose();
}
