using Microsoft.Extensions.Logging.Abstractions;
using Opside.DataPlane.Billing;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.DataPlane.Tests.Storage;

public sealed class SqliteBillingLedgerTests : BillingLedgerContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IBillingLedger> OpenLedgerAsync() =>
        Task.FromResult<IBillingLedger>(new SqliteBillingLedger(new SqliteDatabase(Path.Combine(_directory.Path, "opside.db"), NullLogger<SqliteDatabase>.Instance)));

    public void Dispose() => _directory.Dispose();
}
