using Microsoft.Extensions.Logging.Abstractions;
using Opside.DataPlane.Billing;
using Opside.Storage.Sqlite;
using Opside.Testing;

namespace Opside.DataPlane.Tests.Storage;

public sealed class SqliteBillingAccountsTests : BillingAccountsContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IBillingAccounts> OpenAccountsAsync() =>
        Task.FromResult<IBillingAccounts>(new SqliteBillingAccounts(new SqliteDatabase(Path.Combine(_directory.Path, "opside.db"), NullLogger<SqliteDatabase>.Instance)));

    public void Dispose() => _directory.Dispose();
}
