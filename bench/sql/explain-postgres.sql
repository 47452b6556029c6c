-- Query plans with timings for the SQL behind the load-tested routes, as EF Core 10 / Npgsql generate it (copied from
-- the app's Microsoft.EntityFrameworkCore.Database.Command log; bench/load.sh writes that log per route).
-- bench/load.sh runs this with psql against the scratch database, with -v uid=… team=… case_id=… for the load-test
-- user, their team and a case on their caseload. No break-glass grants exist.
\set lo 'smith'
\set hi 'smiti'
-- Per-node timing is off (it inflates the totals); each count is then also run plainly with \timing for wall time.
\echo '--- caseload list (view=mine): count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
  AND (c."OffenderManagerId" = :'uid' OR c."PsychologistId" = :'uid');
\timing on
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
  AND (c."OffenderManagerId" = :'uid' OR c."PsychologistId" = :'uid');
\timing off

\echo '--- caseload list (view=mine): page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT c1."Id", c1."Crn", t."Name", a."DisplayName" FROM (
  SELECT c."Id", c."Crn", c."FamilyNameSearch", c."GivenNameSearch", c."OffenderManagerId", c."TeamId" FROM "Cases" AS c
  WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
        ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
    AND (c."OffenderManagerId" = :'uid' OR c."PsychologistId" = :'uid')
  ORDER BY c."FamilyNameSearch", c."GivenNameSearch", c."Crn" LIMIT 25 OFFSET 0) AS c1
INNER JOIN "Teams" AS t ON c1."TeamId" = t."Id"
LEFT JOIN "AspNetUsers" AS a ON c1."OffenderManagerId" = a."Id"
ORDER BY c1."FamilyNameSearch", c1."GivenNameSearch", c1."Crn";

\echo '--- search "smith": count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
  AND ((c."FamilyNameSearch" >= :'lo' AND c."FamilyNameSearch" < :'hi') OR (c."GivenNameSearch" >= :'lo' AND c."GivenNameSearch" < :'hi'));
\timing on
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
  AND ((c."FamilyNameSearch" >= :'lo' AND c."FamilyNameSearch" < :'hi') OR (c."GivenNameSearch" >= :'lo' AND c."GivenNameSearch" < :'hi'));
\timing off

\echo '--- all cases I can see (the Cases link, /cases): count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END;
\timing on
SELECT count(*)::int FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END;
\timing off

\echo '--- all cases I can see: page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT c."Id", c."Crn" FROM "Cases" AS c
WHERE CASE WHEN c."IsRestricted" THEN EXISTS (SELECT 1 FROM "CaseNamedStaff" AS c0 WHERE c."Id" = c0."CaseId" AND c0."UserId" = :'uid')
      ELSE c."TeamId" = :'team' OR EXISTS (SELECT 1 FROM "BreakGlassGrants" AS b WHERE b."CaseId" = c."Id" AND b."UserId" = :'uid' AND b."ExpiresAt" > now()) END
ORDER BY c."FamilyNameSearch", c."GivenNameSearch", c."Crn" LIMIT 25 OFFSET 0;

\echo '--- the same count with the access rule written as OR of IN-lists (a rewrite to consider, not what the app runs)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT count(*)::int FROM "Cases" AS c
WHERE (c."TeamId" = :'team' AND NOT c."IsRestricted")
   OR (c."IsRestricted" AND c."Id" IN (SELECT "CaseId" FROM "CaseNamedStaff" WHERE "UserId" = :'uid'))
   OR (NOT c."IsRestricted" AND c."Id" IN (SELECT "CaseId" FROM "BreakGlassGrants" WHERE "UserId" = :'uid' AND "ExpiresAt" > now()));
\timing on
SELECT count(*)::int FROM "Cases" AS c
WHERE (c."TeamId" = :'team' AND NOT c."IsRestricted")
   OR (c."IsRestricted" AND c."Id" IN (SELECT "CaseId" FROM "CaseNamedStaff" WHERE "UserId" = :'uid'))
   OR (NOT c."IsRestricted" AND c."Id" IN (SELECT "CaseId" FROM "BreakGlassGrants" WHERE "UserId" = :'uid' AND "ExpiresAt" > now()));
\timing off

\echo '--- case overview: the case, then its current licence with recalls'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT * FROM "Cases" AS c WHERE c."Id" = :'case_id' LIMIT 1;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF)
SELECT l0."Id", r."Id" FROM (
  SELECT l."Id", l."ReleaseDate" FROM "Licences" AS l WHERE l."CaseId" = :'case_id' ORDER BY l."ReleaseDate" DESC LIMIT 1) AS l0
LEFT JOIN "Recalls" AS r ON l0."Id" = r."LicenceId"
ORDER BY l0."ReleaseDate" DESC, l0."Id";

\echo '--- audit chain: the tail read under the audit lock on every request'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) SELECT a."Sequence", a."Hash" FROM "AuditEvents" AS a ORDER BY a."Sequence" DESC LIMIT 1;
