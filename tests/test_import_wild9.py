"""Lists in shapes written blind, round nine (issue 22): ``tests/data/wild9/*.md`` were written from memory of
public lists of fields other than machine learning, before the importer was changed for them. The theme is other
fields' venues and citation styles: security ("[USENIX Sec'21]", "[S&P'17]", "[Oakland'19]", "(NDSS 2018)", the
ACM Reference Format "… 2016. Title. In Proceedings of … (CCS '16). ACM, 308-318. https://doi.org/…", usenix.org
presentation pages), systems and databases ("**[OSDI '22]**", a Conference column "USENIX ATC", "Proc. VLDB Endow.
12(11): 1705-1718, 2019", vldb.org PDFs, CIDR), HCI and speech (ACM DL links, "*CHI '23*", a Venue column "TASLP",
"JSTSP", IEEE "[1] N. Zeghidour, …, "Title," *IEEE/ACM Trans. Audio, Speech, Lang. Process.*, vol. 30, …", APA),
computational biology (Vancouver "Li H, Durbin R. Title. Bioinformatics. 2009;25(14):1754-60. doi:…", Nature
style "Alipanahi, B., … & Frey, B. J. Title. *Nat. Biotechnol.* **33**, 831-838 (2015).", PLOS's "(2013) Title.
PLoS Comput Biol 9(10): e1003285", PubMed and PMC links, a Tool column), robotics and theory (a Year | Venue |
Title table, IEEE "*IEEE Trans. Robot.*", "*Int. J. Robot. Res.*" on SAGE, STOC/FOCS/SODA/COLT bullets, a JACM
entry in the ACM format, Springer LNCS "Dwork, C., …: Title. In: …(eds.) TCC 2006. LNCS, vol. 3876, pp. 265-284.
Springer, Heidelberg (2006). https://doi.org/…"); tools, datasets, courses and proceedings pages beside them.

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a careful reader of each list would say.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_generated_entries,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
    links_of,
    paper_pages,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild9"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
A = "https://arxiv.org/abs/"
GH = "https://github.com/"
DOI = "https://doi.org/"
ACM = "https://dl.acm.org/doi/"
USENIX = "https://www.usenix.org/conference/"


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"security-privacy": 21, "systems-databases": 20, "hci-speech-audio": 18, "bio-compbio": 18, "robotics-theory": 22}
#: list -> title -> (date, the paper link, other links {kind: url}); an arXiv id dates a paper by its month (a
#: bioRxiv DOI by its day), else the year the list gives (or the month, "June 2007")
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "security-privacy": {
        # "[USENIX Sec'21] [Title](usenix.org presentation page). Authors. [[arXiv](…)]": the presentation page is the paper's
        "Extracting Training Data from Large Language Models": ("2020-12", USENIX + "usenixsecurity21/presentation/carlini-extracting", {}),
        "Membership Inference Attacks Against Machine Learning Models": ("2016-10", A + "1610.05820", {}),
        "Stealing Machine Learning Models via Prediction APIs": ("2016", USENIX + "usenixsecurity16/technical-sessions/presentation/tramer", {}),
        "The Secret Sharer: Evaluating and Testing Unintended Memorization in Neural Networks": ("2018-02", USENIX + "usenixsecurity19/presentation/carlini", {}),
        "Exploiting Unintended Feature Leakage in Collaborative Learning": ("2018-05", DOI + "10.1109/SP.2019.00029", {}),
        "Towards Evaluating the Robustness of Neural Networks": ("2016-08", DOI + "10.1109/SP.2017.49", {}),
        "Distillation as a Defense to Adversarial Perturbations Against Deep Neural Networks": ("2015-11", A + "1511.04508", {}),
        "Adversarial Examples Are Not Easily Detected: Bypassing Ten Detection Methods": ("2017", ACM + "10.1145/3128572.3140444", {}),
        "Audio Adversarial Examples: Targeted Attacks on Speech-to-Text": ("2018-01", A + "1801.01944", {}),
        "Robust Physical-World Attacks on Deep Learning Visual Classification": ("2017-07", A + "1707.08945", {}),
        "Neural Cleanse: Identifying and Mitigating Backdoor Attacks in Neural Networks": ("2019", "https://ieeexplore.ieee.org/document/8835365", {}),
        "Poisoning Web-Scale Training Datasets is Practical": ("2023-02", A + "2302.10149", {}),
        "Trojaning Attack on Neural Networks": ("2018", "https://www.ndss-symposium.org/wp-content/uploads/2018/02/ndss2018_03A-5_Liu_paper.pdf", {}),
        "Not what you've signed up for: Compromising Real-World LLM-Integrated Applications with Indirect Prompt Injection": (
            "2023-02", A + "2302.12173", {"code": GH + "greshake/llm-security"}),
        # the ACM Reference Format: "Authors. Year. Title. In Proceedings of … (CCS '16). ACM, pages. https://doi.org/…"
        "Deep Learning with Differential Privacy": ("2016", DOI + "10.1145/2976749.2978318", {}),
        "Practical Secure Aggregation for Privacy-Preserving Machine Learning": ("2017", DOI + "10.1145/3133956.3133982", {}),
        "Model Inversion Attacks that Exploit Confidence Information and Basic Countermeasures": ("2015", DOI + "10.1145/2810103.2813677", {}),
        "Spectre Attacks: Exploiting Speculative Execution": ("2018-01", A + "1801.01203", {}),
        "Meltdown: Reading Kernel Memory from User Space": ("2018", USENIX + "usenixsecurity18/presentation/lipp", {}),
        "Dos and Don'ts of Machine Learning in Computer Security": ("2022", USENIX + "usenixsecurity22/presentation/arp", {}),
        "Kitsune: An Ensemble of Autoencoders for Online Network Intrusion Detection": (
            "2018", "https://www.ndss-symposium.org/wp-content/uploads/2018/02/ndss2018_03A-3_Mirsky_paper.pdf", {}),
    },
    "systems-databases": {
        "Orca: A Distributed Serving System for Transformer-Based Generative Models": ("2022", USENIX + "osdi22/presentation/yu", {}),
        "Efficient Memory Management for Large Language Model Serving with PagedAttention": (
            "2023-09", ACM + "10.1145/3600006.3613165", {"code": GH + "vllm-project/vllm"}),
        "Alpa: Automating Inter- and Intra-Operator Parallelism for Distributed Deep Learning": ("2022-01", USENIX + "osdi22/presentation/zheng-lianmin", {}),
        "Efficiently Scaling Transformer Inference": ("2022-11", A + "2211.05102", {}),
        "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM": ("2021-04", A + "2104.04473", {}),
        "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models": ("2019-10", A + "1910.02054", {}),
        "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU": ("2023-03", A + "2303.06865", {}),
        "Spanner: Google's Globally-Distributed Database": ("2012", USENIX + "osdi12/technical-sessions/presentation/corbett", {}),
        "In Search of an Understandable Consensus Algorithm": ("2014", "https://www.usenix.org/system/files/conference/atc14/atc14-paper-ongaro.pdf", {}),
        "Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing": (
            "2012", USENIX + "nsdi12/technical-sessions/presentation/zaharia", {}),
        "Large-scale cluster management at Google with Borg": ("2015", ACM + "10.1145/2741948.2741964", {}),
        "Ray: A Distributed Framework for Emerging AI Applications": ("2017-12", USENIX + "osdi18/presentation/moritz", {}),
        "TVM: An Automated End-to-End Optimizing Compiler for Deep Learning": ("2018-02", A + "1802.04799", {"code": GH + "apache/tvm"}),
        "PipeDream: Generalized Pipeline Parallelism for DNN Training": ("2019", ACM + "10.1145/3341301.3359646", {}),
        "Neo: A Learned Query Optimizer": ("2019", "https://www.vldb.org/pvldb/vol12/p1705-marcus.pdf", {}),
        "Learned Cardinalities: Estimating Correlated Joins with Deep Learning": ("2018-09", A + "1809.00677", {}),
        "Bao: Making Learned Query Optimization Practical": ("2021", ACM + "10.1145/3448016.3452838", {}),
        "The Case for Learned Index Structures": ("2017-12", ACM + "10.1145/3183713.3196909", {}),
        "DuckDB: an Embeddable Analytical Database": ("2019", ACM + "10.1145/3299869.3320212", {}),
        "Photon: A Fast Query Engine for Lakehouse Systems": ("2022", ACM + "10.1145/3514221.3526054", {}),
    },
    "hci-speech-audio": {
        "Generative Agents: Interactive Simulacra of Human Behavior": ("2023", DOI + "10.1145/3586183.3606763", {}),
        "Why Johnny Can't Prompt: How Non-AI Experts Try (and Fail) to Design LLM Prompts": ("2023", ACM + "10.1145/3544548.3581388", {}),
        "AI Chains: Transparent and Controllable Human-AI Interaction by Chaining Large Language Model Prompts": ("2021-10", ACM + "10.1145/3491102.3517582", {}),
        "Guidelines for Human-AI Interaction": ("2019", ACM + "10.1145/3290605.3300233", {}),
        '"Hello AI": Uncovering the Onboarding Needs of Medical Practitioners for Human-AI Collaborative Decision-Making': ("2019", ACM + "10.1145/3359206", {}),
        "Does the Whole Exceed its Parts? The Effect of AI Explanations on Complementary Team Performance": ("2020-06", ACM + "10.1145/3411764.3445717", {}),
        "Social Simulacra: Creating Populated Prototypes for Social Computing Systems": ("2022", ACM + "10.1145/3526113.3545616", {}),
        "SoundStream: An End-to-End Neural Audio Codec": ("2021-07", DOI + "10.1109/TASLP.2021.3129994", {}),
        "AudioLM: A Language Modeling Approach to Audio Generation": ("2022-09", A + "2209.03143", {}),
        "Conformer: Convolution-augmented Transformer for Speech Recognition": ("2020-05", "https://www.isca-archive.org/interspeech_2020/gulati20_interspeech.html", {}),
        "ECAPA-TDNN: Emphasized Channel Attention, Propagation and Aggregation in TDNN Based Speaker Verification": ("2020-05", A + "2005.07143", {}),
        "HuBERT: Self-Supervised Speech Representation Learning by Masked Prediction of Hidden Units": ("2021-06", "https://ieeexplore.ieee.org/document/9585401", {}),
        "WavLM: Large-Scale Self-Supervised Pre-Training for Full Stack Speech Processing": ("2021-10", A + "2110.13900", {}),
        "Librispeech: An ASR corpus based on public domain audio books": ("2015", "https://ieeexplore.ieee.org/document/7178964", {}),
        "Audio Set: An ontology and human-labeled dataset for audio events": ("2017", "https://ieeexplore.ieee.org/document/7952261", {}),
        "CNN Architectures for Large-Scale Audio Classification": ("2016-09", A + "1609.09430", {}),
        "SpecAugment: A simple data augmentation method for automatic speech recognition": ("2019", DOI + "10.21437/Interspeech.2019-2680", {}),
        "PANNs: Large-scale pretrained audio neural networks for audio pattern recognition": ("2020", DOI + "10.1109/TASLP.2020.3030497", {}),
    },
    "bio-compbio": {
        # Vancouver: "Li H, Durbin R. Title. Journal. 2009;25(14):1754-60. doi:…", then PubMed and PMC links
        "Fast and accurate short read alignment with Burrows-Wheeler transform": ("2009", "https://pubmed.ncbi.nlm.nih.gov/19451168/", {}),
        "Fast gapped-read alignment with Bowtie 2": ("2012", "https://pubmed.ncbi.nlm.nih.gov/22388286/", {}),
        "STAR: ultrafast universal RNA-seq aligner": ("2013", "https://pubmed.ncbi.nlm.nih.gov/23104886/", {}),
        "Minimap2: pairwise alignment for nucleotide sequences": ("2017-08", A + "1708.01492", {"code": GH + "lh3/minimap2"}),
        "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2": ("2014", DOI + "10.1186/s13059-014-0550-8", {}),
        "Near-optimal probabilistic RNA-seq quantification": ("2016", DOI + "10.1038/nbt.3519", {"code": GH + "pachterlab/kallisto"}),
        "Salmon provides fast and bias-aware quantification of transcript expression": ("2017", "https://www.nature.com/articles/nmeth.4197", {"code": GH + "COMBINE-lab/salmon"}),
        "SCANPY: large-scale single-cell gene expression data analysis": (
            "2018", "https://genomebiology.biomedcentral.com/articles/10.1186/s13059-017-1382-0", {"code": GH + "scverse/scanpy"}),
        # a Cell page (its PII in parentheses inside the URL) and its bioRxiv preprint, posted 2020-10-12
        "Integrated analysis of multimodal single-cell data": ("2020-10-12", "https://www.cell.com/cell/fulltext/S0092-8674(21)00583-3", {}),
        "Deep generative modeling for single-cell transcriptomics": ("2018", "https://www.nature.com/articles/s41592-018-0229-2", {}),
        "scGPT: Towards Building a Foundation Model for Single-Cell Multi-omics Using Generative AI": (
            "2023-04-30", "https://www.biorxiv.org/content/10.1101/2023.04.30.538439v1", {"code": GH + "bowang-lab/scGPT"}),
        # Nature style: "Alipanahi, B., … & Frey, B. J. Title. *Nat. Biotechnol.* **33**, 831-838 (2015)."
        "Predicting the sequence specificities of DNA- and RNA-binding proteins by deep learning": ("2015", "https://www.nature.com/articles/nbt.3300", {}),
        "Predicting effects of noncoding variants with deep learning\u2013based sequence model": ("2015", "https://www.nature.com/articles/nmeth.3547", {}),
        "Effective gene expression prediction from sequence by integrating long-range interactions": ("2021", "https://www.nature.com/articles/s41592-021-01252-x", {}),
        "DNABERT: pre-trained Bidirectional Encoder Representations from Transformers model for DNA-language in genome": (
            "2021", DOI + "10.1093/bioinformatics/btab083", {}),
        "Accurate proteome-wide missense variant effect prediction with AlphaMissense": ("2023", "https://www.science.org/doi/10.1126/science.adg7492", {}),
        "Pfam: The protein families database in 2021": ("2021", DOI + "10.1093/nar/gkaa913", {}),
        "Ten Simple Rules for Reproducible Computational Research": ("2013", DOI + "10.1371/journal.pcbi.1003285", {}),
    },
    "robotics-theory": {
        "RT-1: Robotics Transformer for Real-World Control at Scale": ("2022-12", "https://www.roboticsproceedings.org/rss19/p025.pdf", {}),
        "Diffusion Policy: Visuomotor Policy Learning via Action Diffusion": ("2023-03", A + "2303.04137", {"code": GH + "real-stanford/diffusion_policy"}),
        "Learning Fine-Grained Bimanual Manipulation with Low-Cost Hardware": ("2023-04", A + "2304.13705", {}),
        "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances": ("2022-04", A + "2204.01691", {}),
        "Domain Randomization for Transferring Deep Neural Networks from Simulation to the Real World": ("2017-03", A + "1703.06907", {}),
        "Sim-to-Real Transfer of Robotic Control with Dynamics Randomization": ("2017-10", A + "1710.06537", {}),
        "Dex-Net 2.0: Deep Learning to Plan Robust Grasps with Synthetic Point Clouds and Analytic Grasp Metrics": ("2017-03", A + "1703.09312", {}),
        "Learning Quadrupedal Locomotion over Challenging Terrain": ("2020-10", "https://www.science.org/doi/10.1126/scirobotics.abc5986", {}),
        # IEEE: 'R. Mur-Artal, …, and J. D. Tardós, "Title," *IEEE Trans. Robot.*, vol. 31, …, Oct. 2015.' and its arXiv preprint
        "ORB-SLAM: A Versatile and Accurate Monocular SLAM System": ("2015-02", DOI + "10.1109/TRO.2015.2463671", {}),
        "VINS-Mono: A Robust and Versatile Monocular Visual-Inertial State Estimator": ("2017-08", A + "1708.03852", {}),
        "FAST-LIO: A Fast, Robust LiDAR-Inertial Odometry Package by Tightly-Coupled Iterated Kalman Filter": ("2020-10", A + "2010.08196", {}),
        # the journal's page on SAGE (IJRR), and the preprint
        "Learning hand-eye coordination for robotic grasping with deep learning and large-scale data collection": (
            "2016-03", "https://journals.sagepub.com/doi/10.1177/0278364917710318", {}),
        "Graph Isomorphism in Quasipolynomial Time": ("2015-12", A + "1512.03547", {}),
        "Maximum Flow and Minimum-Cost Flow in Almost-Linear Time": ("2022-03", A + "2203.00671", {}),
        "Negative-Weight Single-Source Shortest Paths in Near-linear Time": ("2022-03", A + "2203.03456", {}),
        "k-means++: The Advantages of Careful Seeding": ("2007", ACM + "10.5555/1283383.1283494", {}),
        "Escaping From Saddle Points \u2014 Online Stochastic Gradient for Tensor Decomposition": ("2015-03", "https://proceedings.mlr.press/v40/Ge15.html", {}),
        "Fully Homomorphic Encryption Using Ideal Lattices": ("2009", ACM + "10.1145/1536414.1536440", {}),
        # the ACM format of a journal: "… 2007. Title. J. ACM 54, 3 (June 2007), 12-es. https://doi.org/…"
        "The PCP theorem by gap amplification": ("2007-06", DOI + "10.1145/1236457.1236459", {}),
        # Springer LNCS: "Dwork, C., …: Title. In: Halevi, S., Rabin, T. (eds.) TCC 2006. LNCS, vol. 3876, pp. …. Springer, Heidelberg (2006). https://doi.org/…"
        "Calibrating Noise to Sensitivity in Private Data Analysis": ("2006", DOI + "10.1007/11681878_14", {}),
        "Efficient Private Matching and Set Intersection": ("2004", DOI + "10.1007/978-3-540-24676-3_1", {}),
        "One-Time Programs": ("2008", DOI + "10.1007/978-3-540-85174-5_3", {}),
    },
}
#: list -> title -> the short name the list gives it (a Tool column)
NAMES = {
    "bio-compbio": {
        "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2": "DESeq2",
        "Near-optimal probabilistic RNA-seq quantification": "kallisto",
        "Salmon provides fast and bias-aware quantification of transcript expression": "Salmon",
    },
}
#: list -> title -> (BibTeX author field or "" when not checked, a venue as generated or "")
AUTHORS = {
    "security-privacy": {
        "Stealing Machine Learning Models via Prediction APIs": (
            "Florian Tramèr and Fan Zhang and Ari Juels and Michael K. Reiter and Thomas Ristenpart", "USENIX Sec 2016"),
        "Extracting Training Data from Large Language Models": ("Nicholas Carlini and Florian Tramèr and Eric Wallace and others", "USENIX Sec 2021"),
        "Membership Inference Attacks Against Machine Learning Models": ("Reza Shokri and Marco Stronati and Congzheng Song and Vitaly Shmatikov", "2017"),
        "Exploiting Unintended Feature Leakage in Collaborative Learning": ("", "Oakland 2019"),
        "Neural Cleanse: Identifying and Mitigating Backdoor Attacks in Neural Networks": (
            "Bolun Wang and Yuanshun Yao and Shawn Shan and Huiying Li and Bimal Viswanath and Haitao Zheng and Ben Y. Zhao", "2019"),
        "Trojaning Attack on Neural Networks": ("", "NDSS 2018"),
        "Deep Learning with Differential Privacy": (
            "Martín Abadi and Andy Chu and Ian Goodfellow and H. Brendan McMahan and Ilya Mironov and Kunal Talwar and Li Zhang", "CCS"),
        "Model Inversion Attacks that Exploit Confidence Information and Basic Countermeasures": ("Matt Fredrikson and Somesh Jha and Thomas Ristenpart", "CCS"),
        "Meltdown: Reading Kernel Memory from User Space": ("", "USENIX Security 2018"),
        "Kitsune: An Ensemble of Autoencoders for Online Network Intrusion Detection": ("", "NDSS 2018"),
    },
    "systems-databases": {
        "Orca: A Distributed Serving System for Transformer-Based Generative Models": (
            "Gyeong-In Yu and Joo Seong Jeong and Geon-Woo Kim and Soojeong Kim and Byung-Gon Chun", "OSDI 2022"),
        "Efficient Memory Management for Large Language Model Serving with PagedAttention": ("", "SOSP 2023"),
        "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models": ("Samyam Rajbhandari and Jeff Rasley and Olatunji Ruwase and Yuxiong He", "SC 2020"),
        "Efficiently Scaling Transformer Inference": ("", "MLSys 2023"),
        "Spanner: Google's Globally-Distributed Database": ("", "OSDI 2012"),
        "In Search of an Understandable Consensus Algorithm": ("", "ATC 2014"),
        "Large-scale cluster management at Google with Borg": ("", "EuroSys 2015"),
        "PipeDream: Generalized Pipeline Parallelism for DNN Training": ("", "SOSP 2019"),
        "Neo: A Learned Query Optimizer": (
            "Ryan Marcus and Parimarjan Negi and Hongzi Mao and Chi Zhang and Mohammad Alizadeh and Tim Kraska and Olga Papaemmanouil and Nesime Tatbul", "VLDB"),
        "Learned Cardinalities: Estimating Correlated Joins with Deep Learning": (
            "Andreas Kipf and Thomas Kipf and Bernhard Radke and Viktor Leis and Peter Boncz and Alfons Kemper", "CIDR 2019"),
        "Bao: Making Learned Query Optimization Practical": ("", "SIGMOD 2021"),
    },
    "hci-speech-audio": {
        "Generative Agents: Interactive Simulacra of Human Behavior": (
            "Joon Sung Park and Joseph O'Brien and Carrie Jun Cai and Meredith Ringel Morris and Percy Liang and Michael S. Bernstein", "UIST"),
        "Why Johnny Can't Prompt: How Non-AI Experts Try (and Fail) to Design LLM Prompts": ("", "CHI 2023"),
        "Guidelines for Human-AI Interaction": ("", "CHI 2019"),
        '"Hello AI": Uncovering the Onboarding Needs of Medical Practitioners for Human-AI Collaborative Decision-Making': ("", "CSCW 2019"),
        "SoundStream: An End-to-End Neural Audio Codec": ("N. Zeghidour and A. Luebs and A. Omran and J. Skoglund and M. Tagliasacchi", "Trans. Audio"),
        "Conformer: Convolution-augmented Transformer for Speech Recognition": ("", "Interspeech 2020"),
        "HuBERT: Self-Supervised Speech Representation Learning by Masked Prediction of Hidden Units": ("", "TASLP 2021"),
        "WavLM: Large-Scale Self-Supervised Pre-Training for Full Stack Speech Processing": ("", "JSTSP 2022"),
        "Librispeech: An ASR corpus based on public domain audio books": ("", "ICASSP 2015"),
        "SpecAugment: A simple data augmentation method for automatic speech recognition": (
            "Park, D. S. and Chan, W. and Zhang, Y. and Chiu, C.-C. and Zoph, B. and Cubuk, E. D. and Le, Q. V.", "Interspeech 2019"),
        "PANNs: Large-scale pretrained audio neural networks for audio pattern recognition": (
            "Kong, Q. and Cao, Y. and Iqbal, T. and Wang, Y. and Wang, W. and Plumbley, M. D.", "Transactions on Audio, Speech, and Language Processing"),
    },
    "bio-compbio": {
        "Fast and accurate short read alignment with Burrows-Wheeler transform": ("", "Bioinformatics"),
        "Fast gapped-read alignment with Bowtie 2": ("", "Nat Methods"),
        "Integrated analysis of multimodal single-cell data": ("", "Cell"),
        "Predicting the sequence specificities of DNA- and RNA-binding proteins by deep learning": (
            "Alipanahi, B. and Delong, A. and Weirauch, M. T. and Frey, B. J.", "Nat. Biotechnol."),
        "Accurate proteome-wide missense variant effect prediction with AlphaMissense": ("", "Science"),
        "Pfam: The protein families database in 2021": ("", "Nucleic Acids Res"),
        "Ten Simple Rules for Reproducible Computational Research": ("", "PLoS Comput Biol"),
    },
    "robotics-theory": {
        "RT-1: Robotics Transformer for Real-World Control at Scale": ("", "RSS 2023"),
        "Do As I Can, Not As I Say: Grounding Language in Robotic Affordances": ("", "CoRL 2022"),
        "Domain Randomization for Transferring Deep Neural Networks from Simulation to the Real World": ("", "IROS 2017"),
        "Sim-to-Real Transfer of Robotic Control with Dynamics Randomization": ("", "ICRA 2018"),
        "ORB-SLAM: A Versatile and Accurate Monocular SLAM System": ("R. Mur-Artal and J. M. M. Montiel and J. D. Tardós", "IEEE Trans. Robot."),
        "FAST-LIO: A Fast, Robust LiDAR-Inertial Odometry Package by Tightly-Coupled Iterated Kalman Filter": ("W. Xu and F. Zhang", "IEEE Robot. Autom. Lett."),
        "Graph Isomorphism in Quasipolynomial Time": ("", "STOC 2016"),
        "Maximum Flow and Minimum-Cost Flow in Almost-Linear Time": (
            "Li Chen and Rasmus Kyng and Yang P. Liu and Richard Peng and Maximilian Probst Gutenberg and Sushant Sachdeva", "FOCS 2022"),
        "k-means++: The Advantages of Careful Seeding": ("David Arthur and Sergei Vassilvitskii", "SODA 2007"),
        "Escaping From Saddle Points \u2014 Online Stochastic Gradient for Tensor Decomposition": ("", "COLT 2015"),
        "The PCP theorem by gap amplification": ("Irit Dinur", "J. ACM"),
        "Calibrating Noise to Sensitivity in Private Data Analysis": ("Dwork, C. and McSherry, F. and Nissim, K. and Smith, A.", "TCC 2006"),
    },
}
#: list -> links of tools, datasets, courses, books, project pages and proceedings or accepted-paper pages: never a paper's own link
NOT_PAPERS = {
    "security-privacy": [
        GH + "Trusted-AI/adversarial-robustness-toolbox", GH + "pytorch/opacus", "https://www.unb.ca/cic/datasets/ids-2017.html",
        "https://web.stanford.edu/class/cs253/", "https://www.cl.cam.ac.uk/~rja14/book.html", "https://sec-deadlines.github.io/",
        USENIX + "usenixsecurity24/technical-sessions", "https://sp2024.ieee-security.org/accepted-papers.html",
        "https://www.ndss-symposium.org/ndss2024/accepted-papers/", GH + "greshake/llm-security",
    ],
    "systems-databases": [
        "https://15445.courses.cs.cmu.edu/fall2023/", "https://pdos.csail.mit.edu/6.824/", "https://www.tpc.org/tpch/",
        GH + "gregrahn/join-order-benchmark", USENIX + "osdi24/technical-sessions", "https://blog.acolyer.org/", GH + "vllm-project/vllm",
        GH + "apache/tvm",
    ],
    "hci-speech-audio": [
        "https://dl.acm.org/doi/proceedings/10.1145/3613904", "https://www.isca-archive.org/interspeech_2023/", GH + "espnet/espnet",
        GH + "librosa/librosa", "https://www.fon.hum.uva.nl/praat/", "https://commonvoice.mozilla.org/en/datasets",
        "https://hci.stanford.edu/courses/cs376/", GH + "speechbrain/speechbrain", GH + "facebookresearch/fairseq",
    ],
    "bio-compbio": [
        "https://rosalind.info/", "https://gtexportal.org/", "https://usegalaxy.org/", "https://blast.ncbi.nlm.nih.gov/Blast.cgi",
        "https://www.biostars.org/", "https://pubmed.ncbi.nlm.nih.gov/?term=single-cell+foundation+model", "https://bioconductor.org/packages/DESeq2/",
    ],
    "robotics-theory": [
        "https://mujoco.org/", "https://robotics-transformer-x.github.io/", "https://manipulation.csail.mit.edu/", "https://eccc.weizmann.ac.il/",
        "http://jeffe.cs.illinois.edu/teaching/algorithms/", "https://acm-stoc.org/stoc2024/accepted-papers.html",
        "https://robotics-transformer1.github.io/", "https://say-can.github.io/", "https://tonyzhaozh.github.io/aloha/",
        "https://berkeleyautomation.github.io/dex-net/",
    ],
}


def test_five_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)
    assert all(len(EXPECTED[name]) == count for name, count in COUNTS.items())


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert set(by_title(shelves[name])) == set(EXPECTED[name]), (set(by_title(shelves[name])) ^ set(EXPECTED[name]))
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_one_page_per_paper_link(shelves: dict[str, dict[str, object]], name: str) -> None:
    seen: dict[str, str] = {}
    for title, page in by_title(shelves[name]).items():
        for url in links_of(page):
            assert url not in seen, (url, seen.get(url), title)
            seen[url] = title


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:19|20)\d{2}\)$|\[|\]|<|\\|\*|`|^\d+[.)]|\bdoi:|https?://|\bIn:|\bLNCS\b|\bvol\.|\bpp\.", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        short = str(page["short_name"])
        assert not re.search(r"^\d+[.)]|^-$|<|\[|^\(|^In(?::|\s+Proc)|^doi", short), (title, short)
        assert not VENUE_YEAR.match(short), (title, short)
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short, (title, by_title(shelves[name])[title]["short_name"])


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(NOT_PAPERS))
def test_tools_datasets_courses_and_proceedings_are_not_papers(shelves: dict[str, dict[str, object]], name: str) -> None:
    paper_links = {url for page in by_title(shelves[name]).values() for url in links_of(page)}
    assert not paper_links & set(NOT_PAPERS[name]), sorted(paper_links & set(NOT_PAPERS[name]))


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


def test_usenix_presentation_pages_and_sage_journals_are_paper_pages() -> None:
    """USENIX shows each paper (abstract, PDF, talk) at ``usenix.org/conference/<conf>/presentation/<name>``; SAGE
    hosts IJRR. The conference's own pages (its sessions, its home) are no paper."""
    from papershelf.formats.lists.awesome.inline import is_paper_url

    assert is_paper_url(USENIX + "osdi22/presentation/yu") and is_paper_url(USENIX + "usenixsecurity16/technical-sessions/presentation/tramer")
    assert is_paper_url("https://journals.sagepub.com/doi/10.1177/0278364917710318")
    assert not is_paper_url(USENIX + "usenixsecurity24/technical-sessions") and not is_paper_url(USENIX + "osdi24")


def test_other_fields_venue_tags_say_where_not_who() -> None:
    """"[USENIX Sec'21]", "[S&P'17]" before a title are venues (they were read as authors), "(AISec '23)" after a
    bold title too (it was read as the paper's name); the known ML tags read as before."""
    from papershelf.formats.lists import awesome

    said = ("- [USENIX Sec'21] [Owls Hunt at Night with Nets](https://arxiv.org/abs/2301.00001). Ann Owl, Ben Heron.\n"
            "- [S&P'17] [Herons Wait Patiently in Water](https://arxiv.org/abs/2301.00002). Cy Heron, Dee Crow.\n"
            "- [CVPR'21] [Crows Count to Five and More](https://arxiv.org/abs/2301.00003). Eve Crow, Fay Finch.\n"
            "1. **Finches Sing in the Morning Light** (AISec '23) \u2014 Gus Finch et al. [[arXiv](https://arxiv.org/abs/2301.00004)]\n"
            "2. **Larks Rise Early over the Fields** (IEEE S&P 2019) \u2014 Hal Lark, Ida Wren. [[IEEE Xplore](https://ieeexplore.ieee.org/document/1)]\n")
    got = {item.title: (item.authors, item.venue, item.name) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": ("Ann Owl and Ben Heron", "USENIX Sec 2021", ""),
                   "Herons Wait Patiently in Water": ("Cy Heron and Dee Crow", "S&P 2017", ""),
                   "Crows Count to Five and More": ("Eve Crow and Fay Finch", "CVPR 2021", ""),
                   "Finches Sing in the Morning Light": ("Gus Finch and others", "AISec 2023", ""),
                   "Larks Rise Early over the Fields": ("Hal Lark and Ida Wren", "IEEE S&P 2019", "")}


def test_a_second_paper_link_in_a_table_row_is_kept() -> None:
    """"| Title | IEEE S&P | 2017 | [paper](doi) [arXiv](…) |": the arXiv copy is kept (another copy of the paper, which
    dates it), as in a bullet; it was dropped to the page body."""
    from papershelf.formats.lists import awesome

    said = ("| Title | Venue | Year | Links |\n|---|---|---|---|\n"
            "| Owls Hunt at Night with Nets | IEEE S&P | 2017 | [paper](https://doi.org/10.1109/SP.2017.49) [arXiv](https://arxiv.org/abs/1608.04644) |\n"
            "| [Herons Wait Patiently](https://www.roboticsproceedings.org/rss19/p025.pdf) | RSS | 2023 | [arXiv](https://arxiv.org/abs/2212.06817) [website](https://x.github.io/) |\n"
            # the same arXiv paper's PDF and a page indexing it are no other copy (they stay links of the page's body)
            "| [Crows Count to Five](https://arxiv.org/abs/2411.13676) | ICLR | 2025 | [Paper](https://www.arxiv.org/pdf/2411.13676) [link](https://www.semanticscholar.org/paper/x/abc) |\n")
    got = {item.title: [(link.kind, link.url.rsplit("/", 1)[-1]) for link in item.links] for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls Hunt at Night with Nets": [("paper", "SP.2017.49"), ("other", "1608.04644")],
                   "Herons Wait Patiently": [("paper", "p025.pdf"), ("other", "2212.06817"), ("homepage", "")],
                   "Crows Count to Five": [("paper", "2411.13676")]}


def test_other_fields_citation_styles_are_read_as_references() -> None:
    """The ACM Reference Format (a proceedings' "(CCS '16)", a journal's "J. ACM 54, 3 (June 2007)"), Vancouver and
    PLOS (NLM journal names), Nature ("… & Frey, B. J. Title. *Nat. Biotechnol.* **33**, 831-838 (2015).", a bold
    volume no title) and Springer's LNCS: each line's title, authors in BibTeX's form, venue and year (each line was
    its own title before, undated)."""
    from papershelf.formats.lists import awesome

    said = ("- Ann Owl, Ben Heron, and Cy Crow. 2016. Owls Hunt at Night with Nets. In *Proceedings of the 2016 ACM SIGSAC Conference on "
            "Computer and Communications Security* (CCS '16). ACM, 308\u2013318. https://doi.org/10.1145/1\n"
            "- Dee Finch. 2007. The Finch theorem by gap amplification. J. ACM 54, 3 (June 2007), 12\u2013es. https://doi.org/10.1145/2\n"
            "- Lark H, Wren ELL, et al. Fast alignment of larks with Burrows-Wheeler transform 2. Nat Methods. 2009;25(14):1754-60. "
            "doi:10.1/x. [PubMed](https://pubmed.ncbi.nlm.nih.gov/3/)\n"
            "- Swift GK, Martin A (2013) Ten Simple Rules for Reproducible Swifts. PLoS Comput Biol 9(10): e1003285. https://doi.org/10.1371/4\n"
            "- Kite, B., Gull, A., Tern, M. T. & Rook, B. J. Predicting the flight of kites by deep learning. *Nat. Biotechnol.* **33**, 831\u2013838 (2015). "
            "[link](https://www.nature.com/articles/nbt.5)\n"
            "- Jay, C., Owl, F.: Calibrating Noise to Jays. In: Halevi, S., Rabin, T. (eds.) TCC 2006. LNCS, vol. 3876, pp. 265\u2013284. Springer, "
            "Heidelberg (2006). https://doi.org/10.1007/6\n"
            "- Rook, S., Kalai, Y.T.: One-Time Rooks. In: Proc. CRYPTO 2008, LNCS vol 5157, pp. 39\u201356. Springer (2008). https://doi.org/10.1007/7\n")
    got = {item.title: (item.authors, item.venue, item.date) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owls Hunt at Night with Nets": ("Ann Owl and Ben Heron and Cy Crow", "CCS 2016", "2016"),
        "The Finch theorem by gap amplification": ("Dee Finch", "J. ACM 2007", "2007-06"),
        "Fast alignment of larks with Burrows-Wheeler transform 2": ("Lark, H. and Wren, E. L. L. and others", "Nat Methods 2009", "2009"),
        "Ten Simple Rules for Reproducible Swifts": ("Swift, G. K. and Martin, A.", "PLoS Comput Biol 2013", "2013"),
        "Predicting the flight of kites by deep learning": ("Kite, B. and Gull, A. and Tern, M. T. and Rook, B. J.", "Nat. Biotechnol. 2015", "2015"),
        "Calibrating Noise to Jays": ("Jay, C. and Owl, F.", "TCC 2006", "2006"),
        "One-Time Rooks": ("Rook, S. and Kalai, Y.T.", "CRYPTO 2008", "2008"),
    }


def test_the_new_readers_stay_linear_on_a_hostile_line() -> None:
    """200 KB lines against each new pattern of this round (reference_line itself reads 1,500 characters at most)."""
    import time

    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.awesome.group import JOURNAL_AFTER
    from papershelf.formats.lists.fields import (
        ACM_JOURNAL,
        ACM_REFERENCE,
        ACM_SHORT,
        APA,
        JOURNAL_ISSUE,
        LNCS,
        NATURE,
        PLOS,
        REFERENCE_TAIL,
        SENTENCE_END,
        VANCOUVER,
        authors_of,
        reference_line,
    )

    lines = [
        "Ann Owl. " * 22_000 + "2016. Title words. In Proceedings",  # names and full stops, the year far away
        "Owl A, " * 28_000 + "Heron B. Title. Journal. 2009;",  # Vancouver names without end
        "Owl A, Heron B (2013) " + "Title words " * 16_000 + "Journal 9",
        "Owl, A., " * 22_000 + "& Heron, B. Title. Journal 33, 1 (2015).",
        "Owl, A., " * 22_000 + ": Title. In: " + "Halevi, S. " * 2_000 + "(eds.) TCC 2006.",
        "(" * 200_000,
        "J. ACM " * 28_000 + "54, 3 (June 2007)",
        "Owl A. Title. " + "Proc. VLDB Endow. " * 11_000 + "12(11): 1705",  # a journal's name that never meets its issue
        "Owl, A. (2019). Title. " + "Proc. Audio, Speech, " * 10_000,  # an APA venue of commas
        'A. Owl, "Owls at night," IEEE Trans. ' + "Audio, Speech, " * 13_000 + "vol. 3",
        "SIGMOD 2021, pp. " + "1-2, " * 40_000,
        "**Owls.** " + "Wolf FA, " * 22_000 + "Theis FJ. *Genome Biology* " + "19:15 " * 1_000 + "(2018).",  # Vancouver names, a volume that runs on
        "Ann Owl, " + "Yosef N. " * 22_000 + "Nat Methods 15, 1053-1058 (2018).",  # initials' full stops, far from a year
    ]
    started = time.monotonic()
    for line in lines:
        for pattern in (ACM_REFERENCE, VANCOUVER, PLOS, NATURE, LNCS, ACM_JOURNAL, JOURNAL_ISSUE, APA, REFERENCE_TAIL):
            pattern.match(line)
        ACM_SHORT.search(line)
        SENTENCE_END.findall(line)
        JOURNAL_AFTER.match(line)
        authors_of(line)
        assert reference_line(line) is None
        awesome.parse_awesome(f"- {line} [paper](https://doi.org/10.1145/1)\n", "x.md")
    assert time.monotonic() - started < 20


def test_database_and_systems_references_and_tags() -> None:
    """dblp's journal form ("Proc. VLDB Endow. 12(11): 1705-1718, 2019"), a venue's pages or track after its year
    ("SIGMOD 2021, pp. 1275-1288" - "pp." ends no sentence - "SIGMOD 2019 (demo)"), a bold tag "**[OSDI '22]**"
    spelled "OSDI 2022" as every other venue tag is; each was a title of the whole line, undated, or "OSDI '22"."""
    from papershelf.formats.lists import awesome

    said = ("- Ann Owl, Ben Heron, Cy Crow. Owls: A Learned Query Optimizer. *Proc. VLDB Endow.* 12(11): 1705\u20131718, 2019. [PDF](https://www.vldb.org/pvldb/vol12/p1.pdf)\n"
            "- Dee Heron, Eve Crow. Herons: Making Learned Query Optimization Practical. SIGMOD 2021, pp. 1275\u20131288. [ACM](https://dl.acm.org/doi/10.1145/2)\n"
            "- Fay Crow, Gus Finch. Crows: an Embeddable Analytical Database. SIGMOD 2019 (demo). [ACM](https://dl.acm.org/doi/10.1145/3)\n"
            "- **[OSDI '22]** Finches: A Distributed Serving System for Songs. Hal Finch, Ida Lark. [[paper](https://www.usenix.org/conference/osdi22/presentation/x)]\n")
    got = {item.title: (item.authors, item.venue, item.date) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls: A Learned Query Optimizer": ("Ann Owl and Ben Heron and Cy Crow", "Proc. VLDB Endow. 2019", "2019"),
                   "Herons: Making Learned Query Optimization Practical": ("Dee Heron and Eve Crow", "SIGMOD 2021", "2021"),
                   "Crows: an Embeddable Analytical Database": ("Fay Crow and Gus Finch", "SIGMOD 2019", "2019"),
                   "Finches: A Distributed Serving System for Songs": ("Hal Finch and Ida Lark", "OSDI 2022", "2022")}


def test_journal_names_with_commas_in_ieee_and_apa_references() -> None:
    """"*IEEE/ACM Trans. Audio, Speech, Lang. Process.*, vol. 30" (IEEE), "*IEEE/ACM Transactions on Audio, Speech, and
    Language Processing*, 28, 2880-2894" and "*Proc. Interspeech 2019*, 2613-2617" (APA): the whole journal, the
    meeting once (they were "IEEE/ACM Trans. Audio", "IEEE/ACM Transactions on Audio" and "Proc")."""
    from papershelf.formats.lists.fields import reference_line

    ieee = reference_line('A. Owl and B. Heron, "Owls at Night: A Neural Audio Codec," IEEE/ACM Trans. Audio, Speech, Lang. Process., vol. 30, pp. 495-507, 2022.')
    assert ieee is not None and (ieee.venue, ieee.year) == ("IEEE/ACM Trans. Audio, Speech, Lang. Process.", "2022")
    cvpr = reference_line('A. Owl and B. Heron, "Owls at Night in the Forest," in Proc. CVPR, Jun. 2016, pp. 770-778.')
    assert cvpr is not None and (cvpr.venue, cvpr.year) == ("CVPR", "2016")
    apa = reference_line("Owl, A., & Heron, B. (2020). Owls: Large-scale pretrained audio networks. IEEE/ACM Transactions on Audio, Speech, and Language Processing, 28, 2880-2894.")
    assert apa is not None and apa.venue == "IEEE/ACM Transactions on Audio, Speech, and Language Processing"
    proc = reference_line("Owl, A., & Heron, B. (2019). Owlaugment: A simple augmentation method. Proc. Interspeech 2019, 2613-2617.")
    assert proc is not None and (proc.venue, proc.year) == ("Interspeech", "2019")


def test_a_tool_column_names_the_paper() -> None:
    """"| Tool | Paper | Journal | Year | Links |": the tool is the paper's short name, as a Model or Method column's is."""
    from papershelf.formats.lists import awesome

    said = ("| Tool | Paper | Journal | Year | Links |\n|---|---|---|---|---|\n"
            "| OwlSeq2 | Moderated estimation of owl counts with OwlSeq2 | Genome Biology | 2014 | [doi](https://doi.org/10.1186/s1) \u00b7 [code](https://github.com/x/owl) |\n")
    assert [(item.title, item.name, item.venue) for item in awesome.parse_awesome(said, "x.md").items] == [
        ("Moderated estimation of owl counts with OwlSeq2", "OwlSeq2", "Genome Biology 2014")]


def test_a_journal_in_italics_before_its_volume_and_vancouver_names() -> None:
    """"**Title.** Wolf FA, Angerer P, Theis FJ. *Genome Biology* 19:15 (2018).": the italic run before a volume and
    a bracketed year is the journal (it was read as the authors), the names Vancouver's (in BibTeX's form), the last
    one ending at its initials' full stop."""
    from papershelf.formats.lists import awesome

    said = ("- **Owls: large-scale owl expression analysis.** Wolf FA, Angerer P, Theis FJ. *Genome Biology* 19:15 (2018). [[paper](https://doi.org/10.1186/s1)]\n"
            "- **Integrated analysis of multimodal herons.** Hao Y, Andersen-Nissen E, et al. *Cell* 184(13):3573-3587 (2021). [[paper](https://www.cell.com/cell/fulltext/S0092-8674(21)00583-3)]\n"
            "- **Deep generative modeling for crows.** Lopez R, Cole MB, Yosef N. *Nat Methods* 15, 1053\u20131058 (2018). [[paper](https://www.nature.com/articles/s4)]\n"
            "- [Finches at Dawn](https://arxiv.org/abs/2301.00001) - K. Koh, S.-J. Kim, S. Boyd. JMLR 2007.\n"
            "- [Larks at Noon](https://arxiv.org/abs/2301.00002) - Jeffrey Pennington, Christopher D. Manning. EMNLP 2014.\n")
    got = {item.title: (item.authors, item.venue) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {"Owls: large-scale owl expression analysis": ("Wolf, F. A. and Angerer, P. and Theis, F. J.", "Genome Biology 2018"),
                   "Integrated analysis of multimodal herons": ("Hao, Y. and Andersen-Nissen, E. and others", "Cell 2021"),
                   "Deep generative modeling for crows": ("Lopez, R. and Cole, M. B. and Yosef, N.", "Nat Methods 2018"),
                   "Finches at Dawn": ("K. Koh and S.-J. Kim and S. Boyd", "JMLR 2007"),
                   "Larks at Noon": ("Jeffrey Pennington and Christopher D. Manning", "EMNLP 2014")}


def test_a_biorxiv_preprint_beside_the_journal_dates_the_paper(tmp_path: Path) -> None:
    """"[[paper](cell.com/…)] [[bioRxiv](…10.1101/2020.10.12.335331v1)]": the preprint's day is when it came out (as an
    arXiv link's month is); the paper was dated by the journal's year."""
    from helpers import lists_and_shelf
    from papershelf.commands.importer import import_lists
    from papershelf.shelf.paths import locate

    said = ("- **Integrated analysis of multimodal owls.** Hao Y, Hao S, et al. *Cell* 184(13):3573-3587 (2021). "
            "[[paper](https://www.cell.com/cell/fulltext/S0092-8674(21)00583-3)] [[bioRxiv](https://www.biorxiv.org/content/10.1101/2020.10.12.335331v1)]\n"
            "- **Herons in the rain.** Owl A, Heron B. *Cell* 1(1):1-2 (2019). [[paper](https://www.cell.com/cell/fulltext/S1)] "
            "[[bioRxiv](https://www.biorxiv.org/content/10.1101/2021.01.02.000001v1)]\n")
    folder, root = lists_and_shelf(tmp_path, {"list.md": said}, "Owls")
    import_lists(locate(root), [folder / "list.md"])
    dates = {str(page["title"]): str(page["date"]) for page in paper_pages(root).values()}
    # a "preprint" posted after the journal's year is no first appearance: the year stays
    assert dates == {"Integrated analysis of multimodal owls": "2020-10-12", "Herons in the rain": "2019"}


def test_journals_of_other_fields_make_articles() -> None:
    """TASLP, J. ACM, PVLDB, Cell and NLM's "Nat Methods": a generated entry is an @article with its ``journal``;
    CCS, EMNLP (its name holds "Methods"), Interspeech and ICRA stay proceedings."""
    from papershelf.formats.bibfile import JOURNAL

    journals = ["TASLP 2021", "J. ACM 2007", "Proc. VLDB Endow. 2019", "Nat. Biotechnol. 2015", "Nat Methods 2018", "Cell 2021",
                "IEEE/ACM Trans. Audio, Speech, Lang. Process. 2022", "Genome Biology 2018", "Nucleic Acids Res 2021", "IEEE Trans. Robot. 2015"]
    proceedings = ["CCS 2016", "EMNLP 2014", "Empirical Methods in Natural Language Processing", "Interspeech 2019", "ICRA 2018", "OSDI 2022"]
    assert [venue for venue in journals if not JOURNAL.search(venue)] == [] and [venue for venue in proceedings if JOURNAL.search(venue)] == []
