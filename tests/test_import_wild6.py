"""Lists in shapes written blind, round six (issue 22): ``tests/data/wild6/*.md`` were written from memory of
public awesome lists before the importer was changed for them. The theme is hosts, identifiers and dates in
the forms real lists use: paper links on 🤗 Papers, alphaXiv, ar5iv, papers.cool, ``arxiv.org/pdf|html``,
``www.``/``export.arxiv.org``, the proceedings (CVF, ECVA, NeurIPS, PMLR, ACL Anthology old and new, IJCAI,
JMLR, ACM, IEEE, Springer), journals (Nature, Science, PNAS, bioRxiv and medRxiv DOIs that carry the day,
``doi.org``), Semantic Scholar, dblp, Papers with Code; dates as ``Nov 1, 1998``, ``15 Nov 1997``,
``2014-6-10``, ``2016/09``, ``(Jul. 2021)``, ``[Apr 2021]``, ``Published: 2023.04.30``, ``**[2022.04]**``,
``## 2024`` / ``### March`` headings, ``2023年9月``, ``(ACL '20)``; venues from shields.io badges
(``badge/CVPR'24-Oral-red``); a list in Chinese and one in Japanese and English.

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a careful reader of each list would say: every paper its own page, its title exactly, its
date, links, authors, and nothing else (blogs, tools, datasets, courses) made a paper.
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
    bib_entry,
    by_title,
    import_as_a_maintainer,
    links_of,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild6"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")
A = "https://arxiv.org/abs/"
G = "https://github.com/"


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"badge-timeline": 25, "chinese-table": 23, "japanese-mixed": 17, "link-hosts": 25, "proceedings-table": 28, "science-journals": 22}
# title -> (date, the paper link, other links {kind: url})
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "link-hosts": {
        # the month of an arXiv id, whatever host or URL form carries it
        "Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts Layer": ("2017-01", "https://arxiv.org/pdf/1701.06538.pdf", {}),
        "GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding": ("2020-06", "https://www.arxiv.org/abs/2006.16668", {}),
        # a JMLR page and its arXiv preprint (on export.arxiv.org): the preprint's month
        "Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity": (
            "2021-01", "https://jmlr.org/papers/v23/21-0998.html", {"code": G + "google-research/t5x"}),
        "GLaM: Efficient Scaling of Language Models with Mixture-of-Experts": ("2021-12", "https://arxiv.org/pdf/2112.06905v2", {}),
        "ST-MoE: Designing Stable and Transferable Sparse Expert Models": ("2022-02", "https://export.arxiv.org/abs/2202.08906", {}),
        "Mixture-of-Experts with Expert Choice Routing": ("2022-02", "https://www.alphaxiv.org/abs/2202.09368", {}),
        "BASE Layers: Simplifying Training of Large, Sparse Models": ("2021-03", "https://ar5iv.labs.arxiv.org/html/2103.16716", {"code": G + "facebookresearch/fairseq"}),
        "Hash Layers For Large Sparse Models": ("2021-06", "https://papers.cool/arxiv/2106.04426", {}),
        "From Sparse to Soft Mixtures of Experts": ("2023-08", "https://arxiv.org/pdf/2308.00951v2.pdf", {}),
        "Mixture-of-Depths: Dynamically allocating compute in transformer-based language models": ("2024-04", "https://arxiv.org/html/2404.02258v1", {}),
        "DeepSpeed-MoE: Advancing Mixture-of-Experts Inference and Training to Power Next-Generation AI Scale": (
            "2022", "https://proceedings.mlr.press/v162/rajbhandari22a.html", {"code": G + "microsoft/DeepSpeed"}),
        "Tutel: Adaptive Mixture-of-Experts at Scale": ("2022-06", "https://arxiv.org/pdf/2206.03382v2.pdf", {"code": G + "microsoft/tutel"}),
        "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts": ("2022-11", "http://arxiv.org/abs/2211.15841", {"code": G + "databricks/megablocks"}),
        "Sparse Upcycling: Training Mixture-of-Experts from Dense Checkpoints": ("2022-12", "https://arxiv.org/abs/2212.05055v2", {}),
        "Mixtral of Experts": ("2024-01", "https://huggingface.co/papers/2401.04088", {"blog": "https://mistral.ai/news/mixtral-of-experts/"}),
        "DeepSeekMoE: Towards Ultimate Expert Specialization in Mixture-of-Experts Language Models": (
            "2024-01", "https://huggingface.co/papers/2401.06066", {"code": G + "deepseek-ai/DeepSeek-MoE"}),
        "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model": (
            "2024-05", "https://huggingface.co/papers/2405.04434", {"code": G + "deepseek-ai/DeepSeek-V2"}),
        "OpenMoE: An Early Effort on Open Mixture-of-Experts Language Models": ("2024-02", "https://www.alphaxiv.org/abs/2402.01739v2", {"code": G + "XueFuzhao/OpenMoE"}),
        "OLMoE: Open Mixture-of-Experts Language Models": ("2024-09", "https://alphaxiv.org/abs/2409.02060", {"code": G + "allenai/OLMoE"}),
        "Jamba: A Hybrid Transformer-Mamba Language Model": ("2024-03", "https://arxiv.org/abs/2403.19887v2", {}),
        "Scaling Vision with Sparse Mixture of Experts": ("2021-06", "http://arxiv.org/abs/2106.05974", {"code": G + "google-research/vmoe"}),
        "Multimodal Contrastive Learning with LIMoE: the Language-Image Mixture of Experts": ("2022-06", "https://ar5iv.org/abs/2206.02770", {}),
        "MoE-LLaVA: Mixture of Experts for Large Vision-Language Models": ("2024-01", "https://papers.cool/arxiv/2401.15947", {"code": G + "PKU-YuanGroup/MoE-LLaVA"}),
        "A Review of Sparse Expert Models in Deep Learning": ("2022-09", "https://arxiv.org/pdf/2209.01667", {}),
        "A Survey on Mixture of Experts": ("2024-07", A + "2407.06204", {}),
    },
    "proceedings-table": {
        # "Published" as "Nov 1, 1998"
        "Gradient-Based Learning Applied to Document Recognition": ("1998-11-01", "https://ieeexplore.ieee.org/document/726791", {}),
        "U-Net: Convolutional Networks for Biomedical Image Segmentation": ("2015-10-05", "https://link.springer.com/chapter/10.1007/978-3-319-24574-4_28", {}),
        "Deep Residual Learning for Image Recognition": (
            "2016-06-27", "https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html", {"code": G + "KaimingHe/deep-residual-networks"}),
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": (
            "2020-03-19", "https://www.ecva.net/papers/eccv_2020/papers_ECCV/papers/123460392.pdf", {"code": G + "bmild/nerf"}),
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows": (
            "2021-03-25", "https://openaccess.thecvf.com/content/ICCV2021/html/Liu_Swin_Transformer_Hierarchical_Vision_Transformer_Using_Shifted_Windows_ICCV_2021_paper.html",
            {"code": G + "microsoft/Swin-Transformer"}),
        "Masked Autoencoders Are Scalable Vision Learners": (
            "2021-11-11", "https://openaccess.thecvf.com/content/CVPR2022/html/He_Masked_Autoencoders_Are_Scalable_Vision_Learners_CVPR_2022_paper.html",
            {"code": G + "facebookresearch/mae"}),
        "Segment Anything": (
            "2023-04-05", "https://openaccess.thecvf.com/content/ICCV2023/html/Kirillov_Segment_Anything_ICCV_2023_paper.html", {"code": G + "facebookresearch/segment-anything"}),
        # "15 Nov 1997"
        "Long Short-Term Memory": ("1997-11-15", "https://doi.org/10.1162/neco.1997.9.8.1735", {}),
        "GloVe: Global Vectors for Word Representation": ("2014-10-25", "https://www.aclweb.org/anthology/D14-1162.pdf", {"code": G + "stanfordnlp/GloVe"}),
        "Attention Is All You Need": ("2017-06-12", "https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html", {}),
        "Deep Contextualized Word Representations": ("2018-02-15", "https://aclweb.org/anthology/N18-1202", {}),
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding": ("2018-10-11", "https://aclanthology.org/N19-1423.pdf", {"code": G + "google-research/bert"}),
        "Transformer-XL: Attentive Language Models beyond a Fixed-Length Context": ("2019-01-09", "https://www.aclweb.org/anthology/P19-1285", {"code": G + "kimiyoung/transformer-xl"}),
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": (
            "2019-10-23", "https://jmlr.org/papers/v21/20-074.html", {"code": G + "google-research/text-to-text-transfer-transformer"}),
        "BART: Denoising Sequence-to-Sequence Pre-training for Natural Language Generation, Translation, and Comprehension": (
            "2019-10-29", "https://aclanthology.org/2020.acl-main.703/", {}),
        "Language Models are Few-Shot Learners": ("2020-05-28", "https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html", {}),
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models": (
            "2022-01-28", "https://proceedings.neurips.cc/paper_files/paper/2022/hash/9d5609613524ecf4f15af0f7b31abca4-Abstract-Conference.html", {}),
        # "2014-6-10"
        "Auto-Encoding Variational Bayes": ("2013-12-20", "https://openreview.net/forum?id=33X9fd2-9FyZd", {}),
        "Generative Adversarial Nets": ("2014-06-10", "https://papers.nips.cc/paper/2014/hash/5ca3e9b122f61f8f06494c97b1afccf3-Abstract.html", {"code": G + "goodfeli/adversarial"}),
        "Denoising Diffusion Probabilistic Models": (
            "2020-06-19", "https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html", {"code": G + "hojonathanho/diffusion"}),
        "High-Resolution Image Synthesis with Latent Diffusion Models": (
            "2021-12-20", "https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html",
            {"code": G + "CompVis/latent-diffusion"}),
        # "2016/09"
        "DeepWalk: Online Learning of Social Representations": ("2014-03", "https://dl.acm.org/doi/10.1145/2623330.2623732", {"code": G + "phanein/deepwalk"}),
        "XGBoost: A Scalable Tree Boosting System": ("2016-03", "https://dl.acm.org/doi/10.1145/2939672.2939785", {"code": G + "dmlc/xgboost"}),
        "Semi-Supervised Classification with Graph Convolutional Networks": ("2016-09", "https://openreview.net/forum?id=SJU4ayYgl", {"code": G + "tkipf/gcn"}),
        "Inductive Representation Learning on Large Graphs": (
            "2017-06", "https://papers.nips.cc/paper/2017/hash/5dd9db5e033da9c6fb5ba83c7a7ebea9-Abstract.html", {"code": G + "williamleif/GraphSAGE"}),
        "Graph Attention Networks": ("2017-10", "https://openreview.net/forum?id=rJXMpikCZ", {"code": G + "PetarV-/GAT"}),
        "Spatio-Temporal Graph Convolutional Networks: A Deep Learning Framework for Traffic Forecasting": ("2017-09", "https://www.ijcai.org/proceedings/2018/0505.pdf", {}),
        "Graph WaveNet for Deep Spatial-Temporal Graph Modeling": ("2019-05", "https://www.ijcai.org/proceedings/2019/0264.pdf", {"code": G + "nnzhan/Graph-WaveNet"}),
    },
    "science-journals": {
        # "(Jul. 2021)" after a journal's page
        "Highly accurate protein structure prediction with AlphaFold": ("2021-07", "https://www.nature.com/articles/s41586-021-03819-2", {"code": G + "google-deepmind/alphafold"}),
        "Accurate prediction of protein structures and interactions using a three-track neural network": (
            "2021-07", "https://www.science.org/doi/10.1126/science.abj8754", {"code": G + "RosettaCommons/RoseTTAFold"}),
        # a bioRxiv DOI carries the day the preprint was posted
        "Protein complex prediction with AlphaFold-Multimer": ("2021-10-04", "https://www.biorxiv.org/content/10.1101/2021.10.04.463034v1", {}),
        "Evolutionary-scale prediction of atomic-level protein structure with a language model": (
            "2023-03", "https://www.science.org/doi/10.1126/science.ade2574", {"code": G + "facebookresearch/esm"}),
        "Accurate structure prediction of biomolecular interactions with AlphaFold 3": ("2024-05", "https://www.nature.com/articles/s41586-024-07487-w", {}),
        # "[Apr 2021] **Title**"
        "Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences": (
            "2021-04", "https://www.pnas.org/doi/10.1073/pnas.2016239118", {}),
        "Language models enable zero-shot prediction of the effects of mutations on protein function": (
            "2021-07-09", "https://www.biorxiv.org/content/10.1101/2021.07.09.450648v1", {}),
        "Robust deep learning\u2013based protein sequence design using ProteinMPNN": (
            "2022-09", "https://www.science.org/doi/10.1126/science.add2187", {"code": G + "dauparas/ProteinMPNN"}),
        "DiffDock: Diffusion Steps, Twists, and Turns for Molecular Docking": (
            "2022-10", "https://paperswithcode.com/paper/diffdock-diffusion-steps-twists-and-turns-for", {"code": G + "gcorso/DiffDock"}),
        "De novo design of protein structure and function with RFdiffusion": ("2023-07", "https://www.nature.com/articles/s41586-023-06415-8", {}),
        "Illuminating protein space with a programmable generative model": ("2023-11", "https://doi.org/10.1038/s41586-023-06728-8", {"code": G + "generatebio/chroma"}),
        "Sequence modeling and design from molecular to genome scale with Evo": ("2024-02-27", "https://www.biorxiv.org/content/10.1101/2024.02.27.582234v1", {"code": G + "evo-design/evo"}),
        # "Published: 2023.04.30 | bioRxiv | [paper](…)" on the line under the title
        "scGPT: Towards Building a Foundation Model for Single-Cell Multi-omics Using Generative AI": (
            "2023-04-30", "https://www.biorxiv.org/content/10.1101/2023.04.30.538439v1", {"code": G + "bowang-lab/scGPT"}),
        "Transfer learning enables predictions in network biology": ("2023-05-31", "https://www.nature.com/articles/s41586-023-06139-9", {}),
        "Large language models encode clinical knowledge": ("2023-07-12", "https://www.nature.com/articles/s41586-023-06291-2", {}),
        "Performance of ChatGPT on USMLE: Potential for AI-Assisted Medical Education Using Large Language Models": (
            "2022-12-19", "https://www.medrxiv.org/content/10.1101/2022.12.19.22283643v2", {}),
        # a Year column
        "Physics-informed neural networks: A deep learning framework for solving forward and inverse problems involving nonlinear partial differential equations": (
            "2019", "https://doi.org/10.1016/j.jcp.2018.10.045", {}),
        "Fourier Neural Operator for Parametric Partial Differential Equations": ("2021", "https://dblp.org/rec/conf/iclr/LiKALBSA21.html", {}),
        # Semantic Scholar's /arxiv/ID page names the arXiv id
        "FourCastNet: A Global Data-driven High-resolution Weather Model using Adaptive Fourier Neural Operators": (
            "2022-02", "https://www.semanticscholar.org/arxiv/2202.11214", {}),
        "Accurate medium-range global weather forecasting with 3D neural networks": ("2023", "https://www.nature.com/articles/s41586-023-06185-3", {}),
        "Learning skillful medium-range global weather forecasting": ("2023", "https://www.science.org/doi/10.1126/science.adi2336", {}),
        "Scaling deep learning for materials discovery": ("2023", "https://www.nature.com/articles/s41586-023-06735-9", {}),
    },
    "badge-timeline": {
        # "## 2024" / "### March"
        "DeepSeek-VL: Towards Real-World Vision-Language Understanding": ("2024-03", A + "2403.05525", {"code": G + "deepseek-ai/DeepSeek-VL"}),
        "MM1: Methods, Analysis & Insights from Multimodal LLM Pre-training": ("2024-03", A + "2403.09611", {}),
        "Mini-Gemini: Mining the Potential of Multi-modality Vision Language Models": ("2024-03", A + "2403.18814", {"code": G + "dvlab-research/MGM"}),
        "InternLM-XComposer2: Mastering Free-form Text-Image Composition and Comprehension in Vision-Language Large Model": (
            "2024-01", "https://huggingface.co/papers/2401.16420", {"code": G + "InternLM/InternLM-XComposer"}),
        # "## 2023" / "### 2023-12"
        "InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks": ("2023-12", A + "2312.14238", {"code": G + "OpenGVLab/InternVL"}),
        "Gemini: A Family of Highly Capable Multimodal Models": ("2023-12", A + "2312.11805", {}),
        "Vary: Scaling up the Vision Vocabulary for Large Vision-Language Models": ("2023-12", A + "2312.06109", {}),
        "CogVLM: Visual Expert for Pretrained Language Models": ("2023-11", A + "2311.03079", {"code": G + "THUDM/CogVLM"}),
        "Improved Baselines with Visual Instruction Tuning": ("2023-10", A + "2310.03744", {"code": G + "haotian-liu/LLaVA"}),
        "MiniGPT-v2: large language model as a unified interface for vision-language multi-task learning": ("2023-10", A + "2310.09478", {}),
        # no arXiv id in the link: the heading's month
        "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning": (
            "2023-05", "https://openreview.net/forum?id=vvoWPYqZJA", {"code": G + "salesforce/LAVIS/tree/main/projects/instructblip"}),
        # a star badge that links the project's page
        "Visual Instruction Tuning": ("2023-04", A + "2304.08485", {"homepage": "https://llava-vl.github.io/"}),
        "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models": ("2023-04", A + "2304.10592", {"code": G + "Vision-CAIR/MiniGPT-4"}),
        "mPLUG-Owl: Modularization Empowers Large Language Models with Multimodality": ("2023-04", A + "2304.14178", {}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": (
            "2023-01", A + "2301.12597", {"code": G + "salesforce/LAVIS/tree/main/projects/blip2"}),
        # "**[2022.04]** Title. [[paper](…)]"
        "PaLI: A Jointly-Scaled Multilingual Language-Image Model": ("2022-09", A + "2209.06794", {}),
        "Image as a Foreign Language: BEiT Pretraining for All Vision and Vision-Language Tasks": ("2022-08", A + "2208.10442", {}),
        "CoCa: Contrastive Captioners are Image-Text Foundation Models": ("2022-05", "https://arxiv.org/pdf/2205.01917.pdf", {}),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("2022-04", "https://openreview.net/forum?id=EbMuimAbPbs", {}),
        "BLIP: Bootstrapping Language-Image Pre-training for Unified Vision-Language Understanding and Generation": (
            "2022-01", "https://proceedings.mlr.press/v162/li22n.html", {"code": G + "salesforce/BLIP"}),
        "Learning Transferable Visual Models From Natural Language Supervision": ("2021-02", "http://proceedings.mlr.press/v139/radford21a.html", {"code": G + "openai/CLIP"}),
        "Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision": ("2021-02", "http://proceedings.mlr.press/v139/jia21b.html", {}),
        # "2023.06" in a Published column
        "MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models": ("2023-06", A + "2306.13394", {}),
        "MMBench: Is Your Multi-modal Model an All-around Player?": ("2023-07", A + "2307.06281", {}),
        "MMMU: A Massive Multi-discipline Multimodal Understanding and Reasoning Benchmark for Expert AGI": ("2023-11", A + "2311.16502", {}),
    },
    "chinese-table": {
        # "发布时间" column: "2020年12月"
        "CPM: A Large-scale Generative Chinese Pre-trained Language Model": ("2020-12", A + "2012.00413", {"code": G + "TsinghuaAI/CPM-1-Generate"}),
        "PanGu-\u03b1: Large-scale Autoregressive Pretrained Chinese Language Models with Auto-parallel Computation": ("2021-04", A + "2104.12369", {}),
        "GLM-130B: An Open Bilingual Pre-trained Model": ("2022-10", A + "2210.02414", {"code": G + "THUDM/GLM-130B"}),
        "Baichuan 2: Open Large-scale Language Models": ("2023-09", A + "2309.10305", {"code": G + "baichuan-inc/Baichuan2"}),
        "Qwen Technical Report": ("2023-09", A + "2309.16609", {"code": G + "QwenLM/Qwen"}),
        "DeepSeek LLM: Scaling Open-Source Language Models with Longtermism": ("2024-01", A + "2401.02954", {"code": G + "deepseek-ai/DeepSeek-LLM"}),
        "Yi: Open Foundation Models by 01.AI": ("2024-03", A + "2403.04652", {"code": G + "01-ai/Yi"}),
        "InternLM2 Technical Report": ("2024-03", A + "2403.17297", {"code": G + "InternLM/InternLM"}),
        "ChatGLM: A Family of Large Language Models from GLM-130B to GLM-4 All Tools": ("2024-06", A + "2406.12793", {"code": G + "THUDM/GLM-4"}),
        "Qwen2 Technical Report": ("2024-07", A + "2407.10671", {"code": G + "QwenLM/Qwen2"}),
        # "【ACL 2019】**Title** [[论文](…)] [[代码](…)]\uff1a说明"
        "ERNIE: Enhanced Representation through Knowledge Integration": ("2019-04", A + "1904.09223", {"code": G + "PaddlePaddle/ERNIE"}),
        "ERNIE: Enhanced Language Representation with Informative Entities": ("2019", "https://aclanthology.org/P19-1139/", {"code": G + "thunlp/ERNIE"}),
        "Pre-Training with Whole Word Masking for Chinese BERT": ("2019-06", A + "1906.08101", {"code": G + "ymcui/Chinese-BERT-wwm"}),
        "Revisiting Pre-Trained Models for Chinese Natural Language Processing": ("2020", "https://aclanthology.org/2020.findings-emnlp.58/", {"code": G + "ymcui/MacBERT"}),
        "ERNIE 3.0: Large-scale Knowledge Enhanced Pre-training for Language Understanding and Generation": ("2021-07", "https://arxiv.org/pdf/2107.02137.pdf", {}),
        # "时间\uff1a2023年04月17日"
        "Efficient and Effective Text Encoding for Chinese LLaMA and Alpaca": ("2023-04-17", A + "2304.08177", {"code": G + "ymcui/Chinese-LLaMA-Alpaca"}),
        "Exploring the Impact of Instruction Data Scaling on Large Language Models: An Empirical Study on Real-World Use Cases": (
            "2023-03-26", A + "2303.14742", {"code": G + "LianjiaTech/BELLE"}),
        "HuaTuo: Tuning LLaMA Model with Chinese Medical Knowledge": ("2023-04-14", A + "2304.06975", {"code": G + "SCIR-HI/Huatuo-Llama-Med-Chinese"}),
        # "年份" column
        "CLUE: A Chinese Language Understanding Evaluation Benchmark": ("2020", "https://aclanthology.org/2020.coling-main.419/", {}),
        "AGIEval: A Human-Centric Benchmark for Evaluating Foundation Models": ("2023-04", A + "2304.06364", {}),
        "C-Eval: A Multi-Level Multi-Discipline Chinese Evaluation Suite for Foundation Models": ("2023-05", A + "2305.08322", {}),
        "CMMLU: Measuring massive multitask language understanding in Chinese": ("2023-06", A + "2306.09212", {}),
        "SuperCLUE: A Comprehensive Chinese Large Language Model Benchmark": ("2023-07", A + "2307.15020", {}),
    },
    "japanese-mixed": {
        # "公開日 / Date: 2024/04" in a field list under "### Model"
        "Continual Pre-Training for Cross-Lingual LLM Adaptation: Enhancing Japanese Language Capabilities": (
            "2024-04", A + "2404.17790", {"homepage": "https://swallow-llm.github.io/"}),
        "LLM-jp: A Cross-organizational Project for the Research and Development of Fully Open Japanese LLMs": (
            "2024-07", "https://arxiv.org/pdf/2407.03963v1", {"code": G + "llm-jp"}),
        "PLaMo-100B: A Ground-Up Language Model Designed for Japanese Proficiency": ("2024-10", A + "2410.07563", {}),
        "RakutenAI-7B: Extending Large Language Models for Japanese": ("2024-03", A + "2403.15484", {}),
        "Evolutionary Optimization of Model Merging Recipes": ("2024-03", A + "2403.13187", {"code": G + "SakanaAI/evolutionary-model-merge"}),
        "Building a Large Japanese Web Corpus for Large Language Models": ("2024-04", A + "2404.17733", {}),
        # "公開" column: "2023年12月"
        "JaColBERT and Hard Negatives, Towards Better Japanese-First Embeddings for Retrieval: Early Technical Report": ("2023-12", A + "2312.16144", {}),
        "Japanese SimCSE Technical Report": ("2023-10", A + "2310.19349", {}),
        "JGLUE: Japanese General Language Understanding Evaluation": ("2022-06", "https://aclanthology.org/2022.lrec-1.317/", {}),
        "JaQuAD: Japanese Question Answering Dataset for Machine Reading Comprehension": ("2022-02", A + "2202.01764", {}),
        "Heron-Bench: A Benchmark for Evaluating Vision Language Models in Japanese": ("2024-04", A + "2404.07824", {}),
        # "(ACL '20)": the year of a two-digit venue tag
        "Unsupervised Cross-lingual Representation Learning at Scale": ("2020", "https://aclanthology.org/2020.acl-main.747/", {}),
        "mT5: A Massively Multilingual Pre-trained Text-to-Text Transformer": ("2021", "https://aclanthology.org/2021.naacl-main.41/", {}),
        "No Language Left Behind: Scaling Human-Centered Machine Translation": ("2022-07", A + "2207.04672", {}),
        "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model": ("2022-11", A + "2211.05100", {}),
        "Language Models are Multilingual Chain-of-Thought Reasoners": ("2023", "https://openreview.net/forum?id=fR3wGCk-IXp", {}),
        "Do Llamas Work in English? On the Latent Language of Multilingual Transformers": ("2024", "https://aclanthology.org/2024.acl-long.820/", {}),
    },
}
#: list -> title -> the short name the list gives (a "Name" column, a name in parentheses after the title)
NAMES = {
    "badge-timeline": {"MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models": "MME",
                       "MMBench: Is Your Multi-modal Model an All-around Player?": "MMBench"},
    "chinese-table": {"C-Eval: A Multi-Level Multi-Discipline Chinese Evaluation Suite for Foundation Models": "C-Eval",
                      "CLUE: A Chinese Language Understanding Evaluation Benchmark": "CLUE",
                      "Efficient and Effective Text Encoding for Chinese LLaMA and Alpaca": "Chinese-LLaMA-Alpaca",
                      "Exploring the Impact of Instruction Data Scaling on Large Language Models: An Empirical Study on Real-World Use Cases": "BELLE"},
    "japanese-mixed": {"JGLUE: Japanese General Language Understanding Evaluation": "JGLUE", "Japanese SimCSE Technical Report": "Japanese SimCSE",
                       "Heron-Bench: A Benchmark for Evaluating Vision Language Models in Japanese": "Heron-Bench"},
}
#: list -> title -> (BibTeX author field or "" when not checked, a venue as generated or "" when not checked)
AUTHORS = {
    "link-hosts": {
        "Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity": ("William Fedus and Barret Zoph and Noam Shazeer", "JMLR 2022"),
        "Hash Layers For Large Sparse Models": ("Stephen Roller and Sainbayar Sukhbaatar and Arthur Szlam and Jason Weston", "NeurIPS 2021"),
        "DeepSeekMoE: Towards Ultimate Expert Specialization in Mixture-of-Experts Language Models": ("", "ACL 2024"),
    },
    "proceedings-table": {
        "Deep Residual Learning for Image Recognition": ("", "CVPR 2016"),
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": ("", "ECCV 2020"),
        "Semi-Supervised Classification with Graph Convolutional Networks": ("", "ICLR 2017"),
        "Attention Is All You Need": ("", "NIPS 2017"),  # the list's own name of the conference then
    },
    "science-journals": {
        "Highly accurate protein structure prediction with AlphaFold": ("", "Nature"),
        "Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences": ("", "PNAS"),
        "DiffDock: Diffusion Steps, Twists, and Turns for Molecular Docking": ("", "ICLR 2023"),
    },
    "badge-timeline": {
        "Vary: Scaling up the Vision Vocabulary for Large Vision-Language Models": ("", "ECCV 2024"),
        "InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks": ("", "CVPR 2024"),
        "Visual Instruction Tuning": ("", "NeurIPS 2023"),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("", "ICML 2023"),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("", "NeurIPS 2022"),
    },
    "chinese-table": {
        "GLM-130B: An Open Bilingual Pre-trained Model": ("", "ICLR 2023"),
        "ERNIE: Enhanced Language Representation with Informative Entities": ("", "ACL 2019"),
        "C-Eval: A Multi-Level Multi-Discipline Chinese Evaluation Suite for Foundation Models": ("", "NeurIPS 2023"),
        "Efficient and Effective Text Encoding for Chinese LLaMA and Alpaca": ("Yiming Cui and Ziqing Yang and Xin Yao", ""),
    },
    "japanese-mixed": {
        "Evolutionary Optimization of Model Merging Recipes": ("Takuya Akiba and Makoto Shing and Yujin Tang and Qi Sun and David Ha", ""),
        "Continual Pre-Training for Cross-Lingual LLM Adaptation: Enhancing Japanese Language Capabilities": ("", "COLM 2024"),
        "Unsupervised Cross-lingual Representation Learning at Scale": ("", "ACL 2020"),
        "Language Models are Multilingual Chain-of-Thought Reasoners": ("", "ICLR 2023"),
    },
}
#: list -> title -> an identifier its link carries (an arXiv id on any host, a DOI in a journal's URL), which the
#: generated entry should keep
IDENTIFIERS = {
    "link-hosts": {
        "Mixtral of Experts": "2401.04088", "Mixture-of-Experts with Expert Choice Routing": "2202.09368",
        "BASE Layers: Simplifying Training of Large, Sparse Models": "2103.16716", "Hash Layers For Large Sparse Models": "2106.04426",
        "Mixture-of-Depths: Dynamically allocating compute in transformer-based language models": "2404.02258",
        "ST-MoE: Designing Stable and Transferable Sparse Expert Models": "2202.08906",
        "GShard: Scaling Giant Models with Conditional Computation and Automatic Sharding": "2006.16668",
    },
    "science-journals": {
        "Accurate prediction of protein structures and interactions using a three-track neural network": "10.1126/science.abj8754",
        "Protein complex prediction with AlphaFold-Multimer": "10.1101/2021.10.04.463034",
        "Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences": "10.1073/pnas.2016239118",
        "Illuminating protein space with a programmable generative model": "10.1038/s41586-023-06728-8",
        "FourCastNet: A Global Data-driven High-resolution Weather Model using Adaptive Fourier Neural Operators": "2202.11214",
    },
    "proceedings-table": {
        "XGBoost: A Scalable Tree Boosting System": "10.1145/2939672.2939785",
        "Long Short-Term Memory": "10.1162/neco.1997.9.8.1735",
        "U-Net: Convolutional Networks for Biomedical Image Segmentation": "10.1007/978-3-319-24574-4_28",
    },
    "badge-timeline": {
        "InternLM-XComposer2: Mastering Free-form Text-Image Composition and Comprehension in Vision-Language Large Model": "2401.16420",
    },
}
#: list -> links of things that are not papers (blogs, tools, datasets, courses, news): no page has one as its paper link
NOT_PAPERS = {
    "link-hosts": ["https://huggingface.co/blog/moe", "https://newsletter.maartengrootendorst.com/p/a-visual-guide-to-mixture-of-experts",
                   "https://www.youtube.com/watch?v=U8J32Z3qV8s", G + "microsoft/DeepSpeed", G + "NVIDIA/Megatron-LM", G + "shawntan/scattermoe",
                   "https://huggingface.co/datasets/EleutherAI/pile", "https://github.com/moe-reading/awesome-moe"],
    "proceedings-table": ["http://cs231n.stanford.edu/", "https://d2l.ai/", "https://www.deeplearningbook.org/"],
    "science-journals": ["https://www.rcsb.org/", "https://www.uniprot.org/", "https://predictioncenter.org/", "https://sites.research.google/weatherbench/",
                         G + "sokrypton/ColabFold", G + "aqlaboratory/openfold", "https://search.foldseek.com/",
                         "https://deepmind.google/discover/blog/alphafold-a-solution-to-a-50-year-old-grand-challenge-in-biology/",
                         "https://www.nature.com/articles/d41586-024-03990-2"],
    "badge-timeline": [G + "BradyFU/Awesome-Multimodal-Large-Language-Models", "https://llava-vl.github.io/blog/2024-01-30-llava-next/",
                       "https://huggingface.co/blog/vlms", "https://star-history.com/#vlm-timeline/Awesome-VLM-Timeline&Date"],
    "chinese-table": ["https://data.baai.ac.cn/details/WuDaoCorporaText", G + "hiyouga/LLaMA-Factory", G + "yangjianxin1/Firefly",
                      "https://zhuanlan.zhihu.com/p/642412124", "https://rank.opencompass.org.cn/"],
    "japanese-mixed": [G + "llm-jp/awesome-japanese-llm", "https://www.anlp.jp/nlp2024/", "https://yuzuai.jp/benchmark",
                       G + "Stability-AI/FastChat/tree/jp-stable/fastchat/llm_judge",
                       "https://wandb.ai/wandb-japan/llm-leaderboard/reports/Nejumi-LLM-Neo--Vmlldzo2MTkyMTU0"],
}


def test_six_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED) == set(NOT_PAPERS)
    assert all(len(EXPECTED[name]) == count for name, count in COUNTS.items())


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert set(by_title(shelves[name])) == set(EXPECTED[name])
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


@pytest.mark.parametrize("name", sorted(NOT_PAPERS))
def test_blogs_tools_datasets_and_courses_are_not_papers(shelves: dict[str, dict[str, object]], name: str) -> None:
    made = {title: url for title, page in by_title(shelves[name]).items() for url in links_of(page) if url in NOT_PAPERS[name]}
    assert not made, made


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[|\]|【|】|\*|<|!|shields\.io|\u2014|^\d+\.|\s$", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        short = str(page["short_name"])
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$|^\d+\.|^-$|<br>|[\[\]【】\uff08\uff09]", short), (title, short)
        assert not VENUE_YEAR.match(short), (title, short)
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(IDENTIFIERS))
def test_identifiers_in_a_link_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, identifier in IDENTIFIERS[name].items():
        entry = bib_entry(shelves[name], title)
        assert identifier.lower() in entry.lower(), (identifier, entry)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


def test_dates_in_the_forms_lists_write() -> None:
    from papershelf.formats.lists.awesome import normal_date
    from papershelf.formats.lists.fields import (
        date_heading,
        find_date,
        month_heading,
        venue_spelled_out,
    )

    assert [normal_date(said) for said in ("2023年04月17日", "2022年6月", "2023年", "Nov 1, 1998", "15 Nov 1997", "2014-6-10", "2016/09")] == [
        "2023-04-17", "2022-06", "2023", "1998-11-01", "1997-11-15", "2014-06-10", "2016-09"]
    assert [date_heading(said) for said in ("2023-05", "2024.03", "2023年", "2023年5月", "Papers of 2023", "2023-2024")] == ["2023-05", "2024-03", "2023", "2023-05", "2023", ""]
    assert [month_heading(said, "2024") for said in ("March", "Sept.", "🔥 May", "Marching Owls")] == ["2024-03", "2024-09", "2024-05", ""]
    assert month_heading("March", "") == "" and find_date("时间\uff1a2023年03月26日") == "2023-03-26"
    assert [month_heading(said, "2023") for said in ("3月", "12월", "13月")] == ["2023-03", "2023-12", ""]
    # more forms seen in date columns: ordinals, dashes, commas, Korean marks; a quarter or a season gives its year only
    assert [normal_date(said) for said in ("Jan. 12th, 2024", "12th Jan 2024", "Jan-2024", "2024-Jan", "September, 2023", "2023년 5월 12일", "Q3 2023", "Spring 2023", "2023 H2")] == [
        "2024-01-12", "2024-01-12", "2024-01", "2024-01", "2023-09", "2023-05-12", "2023", "2023", "2023"]
    assert find_date("released in May, 2023 by the lab") == "2023-05" and normal_date("Marchy 2024") == ""
    assert [venue_spelled_out(said) for said in ("ICLR'17", "ECCV'20 (Oral)", "CVPR 2016 (Best Paper)", "Proc. IEEE 1998")] == [
        "ICLR 2017", "ECCV 2020 (Oral)", "CVPR 2016 (Best Paper)", "Proc. IEEE 1998"]


def test_year_and_month_headings_date_tags_and_badges() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "## 2024\n\n### March\n\n- **[Owls at Dawn](https://openreview.net/forum?id=owl1)** ![](https://img.shields.io/badge/ICLR-2024-blue)\n\n"
        "## 2023\n\n### 2023-05\n\n- **[Owls at Dusk](https://openreview.net/forum?id=owl2)** ![](https://img.shields.io/badge/NeurIPS-2023-blue) "
        "[![Star](https://img.shields.io/github/stars/owl/dusk.svg?style=social&label=Star)](https://owl.github.io/dusk/)\n\n"
        "## 2022\n\n- **[2022.04]** Owls at Noon. [[paper](https://openreview.net/forum?id=owl3)] ![](https://img.shields.io/badge/NeurIPS-2022-blue)\n"
        "- [Apr 2021] **Owls at Midnight** — Heron et al., *PNAS*. [paper](https://www.pnas.org/doi/10.1073/pnas.2016239118)\n\n"
        "## Misc\n\n### May\n\n- [Owls in May](https://openreview.net/forum?id=owl4)\n"
    )
    got = {item.title: (item.date, item.venue, [(link.kind, link.url) for link in item.links[1:]]) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owls at Dawn": ("2024-03", "ICLR 2024", []),
        "Owls at Dusk": ("2023-05", "NeurIPS 2023", [("homepage", "https://owl.github.io/dusk/")]),  # a stars badge linking the project's page
        "Owls at Noon": ("2022-04", "NeurIPS 2022", []),  # "**[2022.04]**" says when, the badge where
        "Owls at Midnight": ("2021-04", "PNAS 2021", []),
        "Owls in May": ("", "", []),  # a month under no year dates nothing
    }
    [midnight] = [item for item in awesome.parse_awesome(said, "x.md").items if item.title == "Owls at Midnight"]
    assert midnight.authors == "Heron and others"


def test_fields_under_a_bold_title_in_any_language() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "## 中文\n\n- **Owls of the East: A Study**\uff08OwlEast\uff09\n  - 作者\uff1aAnn Owl, Ben Heron\n  - 时间\uff1a2023年04月17日\n"
        "  - 链接\uff1a[arXiv](https://arxiv.org/abs/2304.08177) | [GitHub](https://github.com/owl/east)\n\n"
        "## 日本語\n\n### Owl\n\n- **Owls of the Far East**\n  - 著者 / Authors: Ann Owl, Ben Heron\n  - 発表 / Venue: COLM 2024\n  - 公開日 / Date: 2024/04\n"
        "  - リンク / Links: [arXiv](https://arxiv.org/abs/2404.17790) | [プロジェクト](https://owl.github.io/)\n\n"
        "## English\n\n- **Owls of the West** (OwlWest)\n  - Authors: Ann Owl\n  - Date: 2023/04/17\n  - Links: [arXiv](https://arxiv.org/abs/2304.08178) | [code](https://github.com/owl/west)\n"
    )
    items = awesome.parse_awesome(said + "  - Summary: owls of 2023 fly west\n", "x.md").items
    got = {item.title: (item.name, item.authors, item.date, item.venue, [link.kind for link in item.links]) for item in items}
    # the field lines read are the page's fields, not its note; a line saying more stays
    assert [[fact for fact in item.facts if fact[0] == "Note"] for item in items] == [[], [], [("Note", "Summary: owls of 2023 fly west")]]
    assert got == {
        "Owls of the East: A Study": ("OwlEast", "Ann Owl and Ben Heron", "2023-04-17", "", ["paper", "code"]),
        "Owls of the Far East": ("", "Ann Owl and Ben Heron", "2024-04", "COLM 2024", ["paper", "homepage"]),
        "Owls of the West": ("OwlWest", "Ann Owl", "2023-04-17", "", ["paper", "code"]),
    }


def test_tables_with_host_named_links_and_headers_in_two_languages() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "| Title | Venue | Published | Paper |\n|---|---|---|---|\n"
        "| Owls Recognise Documents | Proc. IEEE 1998 | Nov 1, 1998 | [IEEE](https://ieeexplore.ieee.org/document/726791) |\n"
        "| Owls Walk Deeply | ICLR'17 | 2016/09 | [ACM](https://dl.acm.org/doi/10.1145/2623330.2623732) |\n\n"
        "| 名前 | 論文 / Paper | 公開 | 会議 / Venue |\n|---|---|---|---|\n"
        "| OwlGLUE | [OwlGLUE: An Owl Benchmark](https://aclanthology.org/2022.lrec-1.317/) | 2022年6月 | LREC 2022 |\n"
    )
    got = {item.title: (item.name, item.date, item.venue, item.paper_url) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owls Recognise Documents": ("", "1998-11-01", "Proc. IEEE 1998", "https://ieeexplore.ieee.org/document/726791"),
        "Owls Walk Deeply": ("", "2016-09", "ICLR 2017", "https://dl.acm.org/doi/10.1145/2623330.2623732"),
        "OwlGLUE: An Owl Benchmark": ("OwlGLUE", "2022-06", "LREC 2022", "https://aclanthology.org/2022.lrec-1.317/"),
    }


def test_hosts_that_are_papers_and_pages_that_are_not() -> None:
    from papershelf.formats.lists.awesome import arxiv_in, is_paper_url
    from papershelf.formats.lists.awesome.inline import names_its_host

    assert is_paper_url("https://dblp.org/rec/conf/iclr/LiKALBSA21.html") and is_paper_url("https://www.nature.com/articles/s41586-021-03819-2")
    assert is_paper_url("https://iclr.cc/virtual/2024/poster/19321") and not is_paper_url("https://iclr.cc/virtual/2024/events/workshop")
    assert is_paper_url("https://www.isca-archive.org/interspeech_2023/owl23_interspeech.html") and not is_paper_url("https://www.isca-archive.org/about")
    assert [str(arxiv_in(url)) for url in ("https://browse.arxiv.org/abs/2401.04088", "https://www.alphaxiv.org/overview/2409.02060", "https://semanticscholar.org/arxiv/2202.11214")] == [
        "2401.04088", "2409.02060", "2202.11214"]
    assert not is_paper_url("https://www.nature.com/articles/d41586-024-03990-2")  # Nature's news and comment
    assert names_its_host("IEEE", "https://ieeexplore.ieee.org/document/726791") and names_its_host("ECVA", "https://www.ecva.net/papers/eccv_2020/x.pdf")
    assert not names_its_host("Owls", "https://ieeexplore.ieee.org/document/726791") and not names_its_host("github", "https://github.com/owl/owl")


def test_the_new_rules_stay_linear_on_hostile_lines() -> None:
    """Each new pattern over a list's text, on a 200 kB line shaped to make it backtrack: fast, and the right answer."""
    import time

    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.awesome import normal_date
    from papershelf.formats.lists.awesome.bullets import FIELD_LINE
    from papershelf.formats.lists.awesome.group import AUTHORS_FIELD, READ_TAG
    from papershelf.formats.lists.awesome.inline import names_its_host, paper_named
    from papershelf.formats.lists.fields import (
        clean_title,
        date_heading,
        find_date,
        is_label,
        month_heading,
        venue_spelled_out,
    )

    n = 200_000
    started = time.perf_counter()
    assert FIELD_LINE.match("a" * n) is None and FIELD_LINE.match("a " * (n // 2)) is None and FIELD_LINE.match(("ab/" * 10) + "c" * n) is None
    assert AUTHORS_FIELD.match("作者\uff1a" + " " * n) is None and AUTHORS_FIELD.match("x / " * (n // 4)) is None
    assert normal_date("2023年" * (n // 5)) == "" and find_date("年" * n) == "" and date_heading("2023年5月" * (n // 7)) == ""
    assert month_heading("!" * n + "Marc", "2024") == "" and month_heading("." * n, "2024") == ""
    assert not names_its_host("ieee", "https://" + "ieee." * (n // 5)) and venue_spelled_out("ICLR" + "'" * n) == "ICLR" + "'" * n
    assert paper_named("arxiv:" * (n // 6)) == "" and paper_named("doi:10.1234/" + "a" * n) == "https://doi.org/10.1234/" + "a" * 200
    assert READ_TAG.match("(" + " " * n) is None and READ_TAG.match("(a" + " " * n) is None and READ_TAG.match("\u3010" + "a" * n + "\u3011") is None
    # "June 5" then a run of spaces: "\s*,?\s*" between the day and the year backtracked over it (8 s for 20 kB before)
    assert find_date("Jan 12" + " " * n + "x") == "" and normal_date("Jan 12" + " " * n + "x") == "" and normal_date("Q3" + " " * n + "x") == ""
    [item] = awesome.parse_awesome("- **Owls** (" + " " * n + "\n  - Paper: https://arxiv.org/abs/2101.00001\n", "x.md").items
    assert item.title == "Owls" and item.name == ""
    assert not is_label("10.1234/" + "a" * n) and not is_label("arxiv " + "1" * n) and clean_title("2023-11-02 |" + " " * n + "Owl").text == "2023-11-02 | Owl"
    assert time.perf_counter() - started < 5  # a second or less here; quadratic code takes minutes


def test_ids_named_but_not_linked_and_tags_read_out_of_the_note() -> None:
    from papershelf.formats.lists import awesome

    said = (
        "## A\n\n- **Owls One** ![arXiv](https://img.shields.io/badge/arXiv-2310.12345-b31b1b.svg) [[code](https://github.com/owl/one)]\n"
        "- **Owls Two**. A. Owl, B. Heron. arXiv:2310.12347, 2023.\n- **Owls Three**. A. Owl. UIST 2023. doi:10.1145/3586183.3606763.\n"
        "- **Owls Four** ![arXiv](https://img.shields.io/badge/arXiv-9999.99999-b31b1b.svg)\n"
        "- \u3010CVPR 2024\u3011[Owls Five](https://openreview.net/forum?id=owl5)\uff082024.03\uff09\uff1a\u4e00\u4e2a\u8bf4\u660e\u3002\n\n"
        "| \U0001f4c5 Date | \U0001f4c4 Paper | \U0001f3db\ufe0f Venue | arXiv |\n|---|---|---|---|\n"
        "| 2024/02/15 | Owls Six | TPAMI 2024 | ![arXiv](https://img.shields.io/badge/arXiv-2402.12345-b31b1b.svg) |\n"
    )
    parsed = awesome.parse_awesome(said, "x.md")
    got = {item.title: (item.paper_url, item.date, item.venue, [text for label, text in item.facts if label == "Note"]) for item in parsed.items}
    assert got == {
        "Owls One": ("https://arxiv.org/abs/2310.12345", "", "", []),  # an arXiv badge nobody linked still names the paper
        "Owls Two": ("https://arxiv.org/abs/2310.12347", "2023", "", []),
        "Owls Three": ("https://doi.org/10.1145/3586183.3606763", "2023", "UIST 2023", ["A. Owl. UIST 2023. doi:10.1145/3586183.3606763."]),
        "Owls Five": ("https://openreview.net/forum?id=owl5", "2024-03", "CVPR 2024", ["\u4e00\u4e2a\u8bf4\u660e\u3002"]),
        "Owls Six": ("https://arxiv.org/abs/2402.12345", "2024-02-15", "TPAMI 2024", []),
    }
    assert [item.title for item in parsed.resources] == ["Owls Four"]  # no such arXiv id: no paper


def test_identifiers_as_link_texts_dated_titles_and_tags_before_a_plain_title() -> None:
    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.fields import is_label

    assert all(is_label(said) for said in ("2310.12345", "arXiv:2310.12345v2", "arXiv 2310.12345", "10.1145/3586183.3606763", "doi:10.1038/nature14539"))
    said = (
        "### [2023.10] Owls One: A Heading Paper\n\n[[Paper](https://openreview.net/forum?id=owl1)]\n\n"
        "#### 2023-11-02 | Owls Two: Dated Heading\n\n[arXiv](https://arxiv.org/abs/2311.00002)\n\n## More\n\n"
        "- Owls Three: An Id Link [arXiv:2403.12346](https://arxiv.org/abs/2403.12346) [code](https://github.com/owl/three)\n"
        "- [CVPR 2023] Owls Four [paper](https://openreview.net/forum?id=owl4)\n"
        "- \u3010ICLR'24\u3011Owls Five [[\u8bba\u6587](https://openreview.net/forum?id=owl5)]\n\n"
        # "发布日期" (published), not a bare "日期", which a reading group's log gives the day it met (wild/zh-table.md)
        "| \u8bba\u6587\u540d\u79f0 | \u53d1\u8868\u4f1a\u8bae | \u53d1\u5e03\u65e5\u671f | \u8bba\u6587\u94fe\u63a5 | \u4ee3\u7801\u94fe\u63a5 |\n|---|---|---|---|---|\n"
        "| Owls Six | ACL 2023 | 2023\u5e745\u6708 | [arXiv](https://openreview.net/forum?id=owl6) | [GitHub](https://github.com/owl/six) |\n"
    )
    got = {item.title: (item.date, item.venue, [link.kind for link in item.links]) for item in awesome.parse_awesome(said, "x.md").items}
    assert got == {
        "Owls One: A Heading Paper": ("2023-10", "", ["paper"]),
        "Owls Two: Dated Heading": ("2023-11-02", "", ["paper"]),
        "Owls Three: An Id Link": ("", "", ["paper", "code"]),
        "Owls Four": ("2023", "CVPR 2023", ["paper"]),
        "Owls Five": ("2024", "ICLR 2024", ["paper"]),
        "Owls Six": ("2023-05", "ACL 2023", ["paper", "code"]),
    }


def test_a_title_ending_in_a_digit_and_a_letter_ends_there() -> None:
    """Found by test_import_generated's property test (already on main): "Learning Things in 3D. A. Owl, B. Heron. NeurIPS 2016." read
    "3D." as an initial, so the names stayed in the title."""
    from papershelf.formats.lists.fields import reference_line

    said = reference_line("Learning Learning Learning 3D. Ada Lovelace, Alan Turing. NeurIPS 2016.")
    assert said is not None and (said.title, said.authors) == ("Learning Learning Learning 3D", "Ada Lovelace and Alan Turing")
