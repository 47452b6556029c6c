using Hl7.Fhir.Model;

namespace Pathway.Web.Features.Fhir;

/// <summary>Search results as a FHIR searchset <see cref="Bundle"/> with absolute full URLs.</summary>
public static class Bundles
{
    public static Bundle SearchSet(HttpRequest request, IEnumerable<Resource> resources)
    {
        var root = $"{request.Scheme}://{request.Host}{FhirEndpoints.Base}";
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Timestamp = DateTimeOffset.UtcNow };
        foreach (var r in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{root}/{r.TypeName}/{r.Id}",
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }
        bundle.Total = bundle.Entry.Count;
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}" });
        return bundle;
    }
}
