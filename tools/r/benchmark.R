# R's time for the survival benchmark (docs/performance.md): survfit by group, survdiff and a seven-covariate coxph
# (Efron ties) on the same 100,000 synthetic licence periods the BenchmarkDotNet run uses.
#   dotnet bench/Pathway.Benchmarks/bin/Release/net10.0/Pathway.Benchmarks.dll write-survival-csv /tmp/periods.csv
#   Rscript tools/r/benchmark.R /tmp/periods.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(if (length(args)) args[1] else "/tmp/periods.csv")
cat(sprintf("%d periods, %d recalls; R %s, survival %s\n", nrow(d), sum(d$recalled), getRversion(), packageVersion("survival")))

run <- function() {
  km <- survfit(Surv(days, recalled) ~ service, data = d)
  lr <- survdiff(Surv(days, recalled) ~ service, data = d)
  cx <- coxph(Surv(days, recalled) ~ age + female + ogrs3 + prior_recalls + unstable_housing + substance_misuse + pd_service,
              data = d, ties = "efron")
  list(km = km, lr = lr, cx = cx)
}
each <- function(f) median(replicate(5, system.time(f())["elapsed"]))
invisible(run()) # warm-up
cat(sprintf("survfit  median of 5: %.3f s\n", each(function() survfit(Surv(days, recalled) ~ service, data = d))))
cat(sprintf("survdiff median of 5: %.3f s\n", each(function() survdiff(Surv(days, recalled) ~ service, data = d))))
cat(sprintf("coxph    median of 5: %.3f s\n", each(function() coxph(Surv(days, recalled) ~ age + female + ogrs3 + prior_recalls +
  unstable_housing + substance_misuse + pd_service, data = d, ties = "efron"))))
times <- replicate(5, system.time(run())["elapsed"])
cat(sprintf("all three: median %.3f s (min %.3f, max %.3f) over 5 runs\n", median(times), min(times), max(times)))
r <- run()
cat("log-rank chisq:", format(r$lr$chisq, digits = 12), "\n")
print(format(coef(r$cx), digits = 12))
cat("loglik:", format(r$cx$loglik, digits = 12), " concordance:", format(r$cx$concordance["concordance"], digits = 12), "\n")
