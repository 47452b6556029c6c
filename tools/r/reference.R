# Reference values for Pathway's survival statistics, from R's survival package.
# Writes CSV datasets and expected JSON under tests/Pathway.Domain.Tests/Statistics/Reference/.
# Run from the repository root:  Rscript tools/r/reference.R
# Needs r-base-core and r-cran-survival (Debian). The tests read the committed files; they never need R.
suppressPackageStartupMessages(library(survival))
out <- "tests/Pathway.Domain.Tests/Statistics/Reference"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# --- a tiny JSON writer (no extra packages) -------------------------------------------------------
num <- function(x) ifelse(is.na(x) | is.infinite(x), "null", trimws(formatC(x, digits = 17, format = "g")))
json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      return(paste0("{", paste0('"', names(x), '":', vapply(x, json, ""), collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, json, ""), collapse = ","), "]"))
  }
  if (is.character(x)) return(if (length(x) == 1 && !inherits(x, "AsIs")) paste0('"', x, '"') else paste0("[", paste0('"', x, '"', collapse = ","), "]"))
  if (is.logical(x) && length(x) == 1) return(if (x) "true" else "false")
  if (inherits(x, "AsIs") || length(x) != 1) return(paste0("[", paste(num(as.numeric(x)), collapse = ","), "]"))
  num(x)
}

# --- one case: fit everything on the CSV as read back, so R and C# see the same doubles -------------
reference <- function(name, data, time, event, group = NULL, covariates = character(), strata = NULL,
                      ties = "efron", conf = "log", start = NULL, cluster = NULL, dataset = name) {
  # Cases fitted to the same data with other options share one CSV (dataset).
  csv <- file.path(out, paste0(dataset, ".csv"))
  write.csv(data, csv, row.names = FALSE)
  d <- read.csv(csv, stringsAsFactors = FALSE)
  # With a start column the rows are (start, stop] intervals: counting-process data, no Kaplan–Meier or log-rank.
  y <- if (is.null(start)) Surv(d[[time]], d[[event]]) else Surv(d[[start]], d[[time]], d[[event]])
  g <- if (is.null(group)) rep("all", nrow(d)) else as.character(d[[group]])
  res <- list(name = name, csv = paste0(dataset, ".csv"), time = time, event = event,
              group = if (is.null(group)) NULL else group, covariates = if (length(covariates)) I(covariates) else list(),
              strata = if (is.null(strata)) NULL else strata, ties = ties, conf = conf)
  res$start <- start
  res$cluster <- cluster
  if (is.null(group)) res$group <- NULL
  if (is.null(strata)) res$strata <- NULL

  km <- list()
  for (lev in if (is.null(start)) sort(unique(g)) else character()) {
    sel <- g == lev
    f <- survfit(Surv(d[[time]][sel], d[[event]][sel]) ~ 1, conf.type = conf)
    km[[length(km) + 1]] <- list(group = lev, time = I(f$time), nRisk = I(f$n.risk), nEvent = I(f$n.event),
      nCensor = I(f$n.censor), survival = I(f$surv), stdErr = I(f$std.err), lower = I(f$lower), upper = I(f$upper),
      median = unname(summary(f)$table["median"]))
  }
  res$km <- km

  if (length(unique(g)) > 1) {
    fml <- if (is.null(strata)) y ~ g else y ~ g + strata(d[[strata]])
    sd <- survdiff(fml)
    res$logrank <- list(chisq = sd$chisq, df = length(sd$n) - 1, p = pchisq(sd$chisq, length(sd$n) - 1, lower.tail = FALSE),
      observed = I(if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs),
      expected = I(if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp), variance = I(as.vector(sd$var)))
  }

  if (length(covariates) > 0) {
    x <- as.matrix(d[, covariates, drop = FALSE])
    cl <- if (is.null(cluster)) NULL else d[[cluster]]
    fit <- if (is.null(strata)) coxph(y ~ x, ties = ties, cluster = cl) else coxph(y ~ x + strata(d[[strata]]), ties = ties, cluster = cl)
    s <- summary(fit)
    # With a cluster, fit$var is the robust (grouped dfbeta sandwich) variance and fit$naive.var the model-based one;
    # summary's z, p and CI and fit$wald.test use the robust variance, fit$rscore is the robust score test.
    naive <- if (is.null(cluster)) fit$var else fit$naive.var
    res$cox <- list(coef = I(unname(fit$coefficients)), se = I(unname(sqrt(diag(naive)))),
      z = I(unname(s$coefficients[, "z"])), p = I(unname(s$coefficients[, "Pr(>|z|)"])),
      lower = I(unname(s$conf.int[, "lower .95"])), upper = I(unname(s$conf.int[, "upper .95"])),
      loglik = I(fit$loglik), lrTest = 2 * diff(fit$loglik), waldTest = unname(fit$wald.test),
      scoreTest = unname(fit$score), lrP = pchisq(2 * diff(fit$loglik), length(covariates), lower.tail = FALSE),
      waldP = pchisq(unname(fit$wald.test), length(covariates), lower.tail = FALSE),
      scoreP = pchisq(unname(fit$score), length(covariates), lower.tail = FALSE), concordance = I(unname(fit$concordance[1:6])), iterations = fit$iter,
      n = fit$n, nEvents = fit$nevent)
    if (!is.null(cluster)) {
      res$cox$robustSe <- I(unname(sqrt(diag(fit$var))))
      res$cox$robustScoreTest <- unname(fit$rscore)
      res$cox$robustScoreP <- pchisq(unname(fit$rscore), length(covariates), lower.tail = FALSE)
      res$cox$clusters <- length(unique(cl))
    }
  }
  writeLines(json(res), file.path(out, paste0(name, ".json")))
  cat("wrote", name, "\n")
}

# --- datasets ------------------------------------------------------------------------------------
ov <- data.frame(futime = ovarian$futime, fustat = ovarian$fustat, age = round(ovarian$age, 4),
                 resid_ds = ovarian$resid.ds - 1, rx = ovarian$rx, ecog_ps = ovarian$ecog.ps)
reference("ovarian", ov, "futime", "fustat", group = "rx", covariates = c("age", "resid_ds", "ecog_ps"))

lu <- na.omit(data.frame(time = lung$time, status = lung$status - 1, age = lung$age, sex = lung$sex - 1,
                         ph_ecog = lung$ph.ecog, inst = lung$inst))
reference("lung-efron", lu, "time", "status", group = "sex", covariates = c("age", "sex", "ph_ecog"), conf = "log-log")
reference("lung-breslow", lu, "time", "status", group = "ph_ecog", covariates = c("age", "sex", "ph_ecog"), ties = "breslow", conf = "plain")

ve <- data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt - 1, celltype = as.character(veteran$celltype),
                 karno = veteran$karno, diagtime = veteran$diagtime, age = veteran$age, prior = as.integer(veteran$prior > 0))
reference("veteran-strata", ve, "time", "status", group = "trt", covariates = c("trt", "karno", "diagtime", "age", "prior"), strata = "celltype")

# Synthetic: heavy ties (integer months 1–12), censoring throughout, three groups, a binary covariate, two strata.
set.seed(20261126)
n <- 300
grp <- sample(c("A", "B", "C"), n, replace = TRUE)
x1 <- round(rnorm(n), 3); x2 <- rbinom(n, 1, 0.4); x3 <- round(runif(n, 18, 70))
site <- sample(c("north", "south"), n, replace = TRUE)
rate <- 0.08 * exp(0.4 * x1 - 0.5 * x2 + 0.01 * (x3 - 40) + ifelse(grp == "B", 0.3, ifelse(grp == "C", -0.3, 0)))
tt <- rexp(n, rate); cc <- runif(n, 1, 14)
syn <- data.frame(months = pmax(1, ceiling(pmin(tt, cc, 12))), recalled = as.integer(tt <= cc & tt <= 12),
                  group = grp, x1 = x1, x2 = x2, age = x3, site = site)
reference("ties-efron", syn, "months", "recalled", group = "group", covariates = c("x1", "x2", "age"))
reference("ties-breslow", syn, "months", "recalled", group = "group", covariates = c("x1", "x2", "age"), ties = "breslow", conf = "log-log")
reference("ties-strata", syn, "months", "recalled", group = "group", covariates = c("x1", "x2", "age"), strata = "site")

# Small, continuous times, censoring spread through follow-up, two groups, and a median that falls exactly on 0.5.
set.seed(7)
m <- 50
small <- data.frame(days = round(rexp(m, 1 / 200), 2), event = rbinom(m, 1, 0.6), arm = sample(c("control", "treated"), m, TRUE),
                    score = round(rnorm(m, 10, 3), 2), flag = rbinom(m, 1, 0.5))
reference("small-censored", small, "days", "event", group = "arm", covariates = c("score", "flag"))
half <- data.frame(t = c(1, 2, 3, 4, 5, 6), e = c(1, 1, 1, 0, 1, 0))
reference("median-half", half, "t", "e")
flat <- data.frame(t = c(1, 2, 3, 4), e = c(1, 1, 0, 0))
reference("median-flat", flat, "t", "e")

# Right-censored with clustering: lung patients clustered on institution (robust SEs on the start = 0 path).
reference("lung-cluster", lu, "time", "status", covariates = c("age", "sex", "ph_ecog"), cluster = "inst")

# Counting process: several licence periods per person, each followed from release (time 0) in whole months, so event
# times tie; "pathway" switches on part-way through some periods (a time-varying covariate, the period split at the
# switch); a person-level frailty makes periods of one person correlated, so clustering on the person matters.
set.seed(20261207)
people <- 160
rows <- list()
for (id in seq_len(people)) {
  x1 <- round(rnorm(1), 3); female <- rbinom(1, 1, 0.3); site <- sample(c("north", "south"), 1)
  frailty <- exp(rnorm(1, 0, 0.6))
  for (period in seq_len(sample(1:3, 1, prob = c(0.4, 0.35, 0.25)))) {
    len <- sample(6:24, 1)
    switch_at <- if (runif(1) < 0.5) sample(1:(len - 1), 1) else Inf
    h1 <- 0.04 * frailty * exp(0.35 * x1 + 0.3 * female + ifelse(site == "south", 0.4, 0))
    h2 <- h1 * exp(-0.5)
    e <- rexp(1)
    t <- if (e <= h1 * switch_at) e / h1 else switch_at + (e - h1 * switch_at) / h2
    stop <- min(ceiling(t), len); event <- as.integer(ceiling(t) <= len)
    if (switch_at < stop) {
      rows[[length(rows) + 1]] <- data.frame(id = id, start = 0, stop = switch_at, event = 0L, x1 = x1, female = female, pathway = 0L, site = site)
      rows[[length(rows) + 1]] <- data.frame(id = id, start = switch_at, stop = stop, event = event, x1 = x1, female = female, pathway = 1L, site = site)
    } else {
      rows[[length(rows) + 1]] <- data.frame(id = id, start = 0, stop = stop, event = event, x1 = x1, female = female, pathway = 0L, site = site)
    }
  }
}
cp <- do.call(rbind, rows)
cp$id <- sprintf("P%03d", cp$id)
reference("counting-efron", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start")
reference("counting-breslow", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start", ties = "breslow")
reference("counting-cluster-efron", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start", cluster = "id")
reference("counting-cluster-breslow", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start", cluster = "id", ties = "breslow")
reference("counting-strata-cluster", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start", cluster = "id", strata = "site")
reference("counting-strata-cluster-breslow", cp, dataset = "counting", "stop", "event", covariates = c("x1", "female", "pathway"), start = "start", cluster = "id", strata = "site", ties = "breslow")
