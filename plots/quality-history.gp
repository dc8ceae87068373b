# LossLab figure: the quick-run quality metrics along the commit history.
# Data: results/figures/quality-history.dat, made from results/quality-history.csv (losslab run --quick --commits).
# Re-render from the repository root: gnuplot plots/quality-history.gp
set encoding utf8
set terminal pngcairo size 1200,700 enhanced font 'DejaVu Sans,11'
set output 'plots/quality-history.png'
data = 'results/figures/quality-history.dat'
set title 'losslab run --quick along the commit history: change of each study metric from its first commit' noenhanced font ',13'
set label 1 '37 study metrics, 0 of which change (coloured)'."\073".' grey: unchanged at every commit' at screen 0.01, screen 0.015 left noenhanced font ',9'
set xlabel 'commit, oldest first' noenhanced
set ylabel 'mean over the quick trials: % change from the first commit' noenhanced
set key outside right top vertical noenhanced font ',8'
set grid ytics back lt 1 lc rgb '#e4e4e4' lw 1
set border 3 back
set tics nomirror out
set xrange [-0.5:19.5]
set bmargin 9
set xtics ('6f913d0' 0, '8c74b02' 2, '148e481' 4, '590e1e2' 6, '403a747' 8, '1655252' 10, '3f9bf3f' 12, '87176f3' 14, 'f88fd46' 16, '23a5e60' 18, '2ac90eb' 19) rotate by -45 noenhanced font ',9'
set label 2 'no-quick' at 0, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 3 'no-quick' at 1, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 4 'no-quick' at 2, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 5 'no-quick' at 3, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 6 'no-quick' at 4, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 7 'no-quick' at 5, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 8 'no-quick' at 6, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 9 'no-quick' at 7, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
set label 10 'no-quick' at 8, graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'
plot \
    data index 0 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 1 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 2 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 3 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 4 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 5 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 6 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 7 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 8 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 9 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 10 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 11 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 12 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 13 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 14 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 15 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 16 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 17 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 18 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 19 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 20 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 21 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 22 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 23 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 24 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 25 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 26 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 27 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 28 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 29 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 30 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 31 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 32 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 33 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 34 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 35 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle, \
    data index 36 using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle

set terminal svg size 1200,700 dynamic enhanced font 'DejaVu Sans,11'
set output 'plots/quality-history.svg'
replot
unset output
