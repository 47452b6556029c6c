# Reference values for StudentTTests and PairedTTests (tests/Pathway.Domain.Tests/Statistics/PairedTTests.cs).
# Run: Rscript tools/r/paired-t.R  (R 4.x, base only). The output is pasted into the tests; the tests do not need R.
options(digits=15)
cat("pt\n"); for (a in list(c(2,5),c(-1.5,3),c(0.3,1),c(2.5,30),c(-3,12),c(1.96,1000))) cat(a[1], a[2], sprintf("%.15g", pt(a[1],a[2])), "\n")
cat("qt\n"); for (a in list(c(0.975,1),c(0.975,5),c(0.975,10),c(0.975,29),c(0.995,7),c(0.025,4))) cat(a[1], a[2], sprintf("%.15g", qt(a[1],a[2])), "\n")
before <- c(45, 50, 55, 40, 60, 52, 48, 38, 57, 49, 44, 51)
after  <- c(60, 58, 70, 52, 65, 66, 50, 55, 72, 61, 47, 63)
r <- t.test(after, before, paired=TRUE)
d <- after - before
cat("paired\n"); cat(sprintf("%.15g", c(mean(d), sd(d), r$statistic, r$parameter, r$p.value, r$conf.int[1], r$conf.int[2], mean(d)/sd(d))), "\n")
b2 <- c(3.2, 2.8, 4.0, 3.5, 2.9); a2 <- c(3.0, 3.1, 3.9, 3.4, 3.3)
r2 <- t.test(a2, b2, paired=TRUE); d2 <- a2-b2
cat("paired2\n"); cat(sprintf("%.15g", c(mean(d2), sd(d2), r2$statistic, r2$parameter, r2$p.value, r2$conf.int[1], r2$conf.int[2], mean(d2)/sd(d2))), "\n")
