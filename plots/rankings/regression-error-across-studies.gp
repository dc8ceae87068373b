# LossLab figure: critical-difference diagram of the ranking regression-error-across-studies (Demsar 2006).
# Data: results/rankings/regression-error-across-studies.csv, written by losslab report from the studies' summary.csv
# (mean ranks: results/ranking-values.csv; tests: results/rankings.csv, results/ranking-pairs.csv).
# Re-render from the repository root: gnuplot plots/rankings/regression-error-across-studies.gp
set encoding utf8
set terminal pngcairo size 848,318 enhanced font 'DejaVu Sans,11'
set output 'plots/rankings/regression-error-across-studies.png'
data = 'results/rankings/regression-error-across-studies.csv'
set datafile separator comma
set title 'Regression losses on the error of the fit (coefficient error, else error against the truth, else RMSE) — across studies' noenhanced font ',12'
set label 1 '3 losses over 10 blocks'."\073".' Friedman p = 0.407, Iman-Davenport p = 0.428'."\073".' Nemenyi CD at alpha 0.05 = 1.05' at graph 0.5, graph 1 offset 0,0.2 center noenhanced font ',9'
unset key
set border 0
unset xtics
unset ytics
set lmargin 16
set rmargin 16
set tmargin 4
set xrange [0.7:3.3]
set yrange [-1:1.0]
plot \
    data using (strcol(1) eq 'segment' ? $2 : NaN):3:($4-$2):($5-$3) with vectors nohead lw 1.2 lc rgb '#333333', \
    data using (strcol(1) eq 'clique' ? $2 : NaN):3:($4-$2):($5-$3) with vectors nohead lw 5 lc rgb '#d62728', \
    data using (strcol(1) eq 'cd' ? $2 : NaN):3:($4-$2):($5-$3) with vectors heads size screen 0.008,90 lw 1.5 lc rgb '#1f77b4', \
    data using (strcol(1) eq 'tick_label' ? $2 : NaN):3:6 with labels center font ',9', \
    data using (strcol(1) eq 'cd_label' ? $2 : NaN):3:6 with labels center font ',9' tc rgb '#1f77b4', \
    data using (strcol(1) eq 'label_left' ? $2 : NaN):3:6 with labels right noenhanced, \
    data using (strcol(1) eq 'label_right' ? $2 : NaN):3:6 with labels left noenhanced

set terminal svg size 848,318 dynamic enhanced font 'DejaVu Sans,11'
set output 'plots/rankings/regression-error-across-studies.svg'
replot
unset output
