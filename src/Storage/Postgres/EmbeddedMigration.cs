namespace Opside.Storage.Postgres;

/// <summary>
/// One migration script compiled into the silo, from <c>Storage/Migrations/Postgres/NNNN_name.sql</c>.
/// </summary>
/// <param name="Version">The number before the first underscore of the file name; migrations apply in this order.</param>
/// <param name="Name">The file name without <c>.sql</c>, e.g. <c>0001_orleans_query</c>.</param>
/// <param name="Sql">The script text, run in one transaction.</param>
/// <param name="Checksum">
/// Lower-case hex SHA-256 of the script's UTF-8 bytes with any byte-order mark dropped and CRLF turned
/// into LF, so that a checkout with Windows line endings yields the same checksum.
/// </param>
public sealed record EmbeddedMigration(int Version, string Name, string Sql, string Checksum);
