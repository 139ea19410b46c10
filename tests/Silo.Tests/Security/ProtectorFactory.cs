using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Opside.Hosting.Security;
using Opside.Grains.Security;

namespace Opside.Silo.Tests.Security;

internal static class ProtectorFactory
{
    public static ConfiguredKey Key(string id) =>
        new() { Id = id, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenEncryptionOptions.KeyBytes)) };

    public static RefreshTokenProtector Create(params ConfiguredKey[] keys) =>
        Create(Environments.Production, new ListLogger<RefreshTokenProtector>(), keys);

    public static RefreshTokenProtector Create(string environmentName, ILogger<RefreshTokenProtector> logger, params ConfiguredKey[] keys) =>
        new(
            Options.Create(new TokenEncryptionOptions { Keys = [.. keys] }),
            new HostingEnvironment { EnvironmentName = environmentName },
            logger);
}
