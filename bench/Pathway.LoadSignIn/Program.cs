using System.Net;
using Pathway.LoadSignIn;

// pathway-load-sign-in BASE_URL EMAIL PASSWORD KEY_FILE
//   First use (KEY_FILE missing): signs in with the password, enrols an authenticator on /account/two-factor/enrol
//   exactly as a person would, and saves the key to KEY_FILE. Then, and on every later use, signs in afresh with the
//   password and a code from that key, and prints one line: the Cookie header value a browser would now send.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: pathway-load-sign-in BASE_URL EMAIL PASSWORD KEY_FILE");
    return 2;
}
var (baseUrl, email, password, keyFile) = (new Uri(args[0]), args[1], args[2], args[3]);
if (!IPAddress.TryParse(baseUrl.Host, out var ip) || !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine("Load tests only sign in to a loopback address such as http://127.0.0.1:5099.");
    return 2;
}

try
{
    if (!File.Exists(keyFile))
    {
        using var enrolling = new PageClient(baseUrl);
        var key = await enrolling.EnrolAsync(email, password);
        await File.WriteAllTextAsync(keyFile, key);
    }
    using var client = new PageClient(baseUrl);
    await client.SignInAsync(email, password, (await File.ReadAllTextAsync(keyFile)).Trim());
    Console.WriteLine(client.CookieHeader());
    return 0;
}
catch (SignInFailedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
