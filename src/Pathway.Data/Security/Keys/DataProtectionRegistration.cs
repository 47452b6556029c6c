using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pathway.Data.Security.Keys;

public static class DataProtectionRegistration
{
    public const string CertificatePathSetting = "Security:KeyRingCertificate:Path";
    public const string CertificatePasswordSetting = "Security:KeyRingCertificate:Password";

    /// <summary>
    /// Data Protection for the app and the CLI: keys shared through the database (so several instances agree), each sealed
    /// before it is stored, with a certificate from <c>Security:KeyRingCertificate</c> or, where none is configured, the
    /// secret key ring in the key folder. Keys not sealed by one of those are ignored.
    /// </summary>
    public static IDataProtectionBuilder AddPathwayDataProtection(this IServiceCollection services, IConfiguration config)
    {
        var builder = services.AddDataProtection().SetApplicationName("Pathway").PersistKeysToDbContext<PathwayDbContext>();
        var certificate = config[CertificatePathSetting] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, config[CertificatePasswordSetting])
            : null;
        if (certificate is not null) builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        // Registered after PersistKeysToDbContext, so this runs after it has set the repository that it wraps.
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            if (certificate is null) o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<PathwayKeys>());
            o.XmlRepository = new SealedKeysOnlyXmlRepository(
                o.XmlRepository ?? throw new InvalidOperationException("The key ring repository is not configured."),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Pathway.DataProtection"),
                [typeof(KeyRingXmlDecryptor).FullName!, typeof(EncryptedXmlDecryptor).FullName!]);
        }));
        return builder;
    }
}
