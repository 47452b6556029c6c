using Microsoft.EntityFrameworkCore;
using Pathway.Data.Entities;

namespace Pathway.Web.Features.Signposting.Directory;

/// <summary>How a directory service is read for showing: with the organisation that runs it.</summary>
public static class DirectoryQueries
{
    public static IQueryable<DirectoryService> WithOrganisation(IQueryable<DirectoryService> q) => q.Include(s => s.Organisation);
}
