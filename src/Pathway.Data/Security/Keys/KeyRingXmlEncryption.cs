using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pathway.Data.Security.Keys;

/// <summary>
/// Encrypts each data-protection master key with the secret key ring (AES-256-GCM) before it is written to the
/// DataProtectionKeys table, so a copy of the database cannot forge session or antiforgery cookies.
/// </summary>
public sealed class KeyRingXmlEncryptor(PathwayKeys keys) : IXmlEncryptor
{
    internal const string Purpose = "data-protection-key-ring";
    internal static readonly XName Element = "pathwaySealedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedValue = SecretBox.Seal(keys.SecretRing, Purpose, "", plaintextElement.ToString(SaveOptions.DisableFormatting));
        return new EncryptedXmlInfo(new XElement(Element, new XComment(" Sealed with Pathway's secret key (Security:SecretKeys or secret-keys.json in the key folder). "), sealedValue), typeof(KeyRingXmlDecryptor));
    }
}

/// <summary>The decryptor Data Protection activates, by the type name stored beside each encrypted key.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(SecretBox.Open(services.GetRequiredService<PathwayKeys>().SecretRing, KeyRingXmlEncryptor.Purpose, "", encryptedElement.Value.Trim()));
}

/// <summary>
/// Hides every key whose secret is not sealed by a decryptor Pathway trusts: keys written in clear before this change, and
/// any key someone with write access to the table inserts in clear (or "encrypted" with Data Protection's null
/// encryptor) to forge cookies. Data Protection then makes a fresh, sealed key.
/// </summary>
public sealed partial class SealedKeysOnlyXmlRepository(IXmlRepository inner, ILogger log, IReadOnlyCollection<string> trustedDecryptors) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var all = inner.GetAllElements();
        var kept = all.Where(IsTrusted).ToList();
        if (kept.Count != all.Count) LogIgnored(log, all.Count - kept.Count);
        return kept;
    }

    public void StoreElement(XElement element, string friendlyName) => inner.StoreElement(element, friendlyName);

    private bool IsTrusted(XElement element)
    {
        if (element.Name.LocalName != "key") return true; // revocations carry no secret
        // Data Protection writes encryptedSecret in its own XML namespace; match on local names.
        var sealedSecrets = element.Descendants().Where(e => e.Name.LocalName == "encryptedSecret").ToList();
        return sealedSecrets.Count > 0
            && !element.Descendants().Any(e => e.Name.LocalName == "masterKey")
            && sealedSecrets.All(s => (string?)s.Attribute("decryptorType") is { } type && trustedDecryptors.Any(t => type == t || type.StartsWith(t + ",", StringComparison.Ordinal)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Count} data-protection key(s) stored without Pathway's encryption (written before keys were sealed, or inserted into the database).")]
    private static partial void LogIgnored(ILogger log, int count);
}
