"""Lists in shapes written blind, third round (issue 22): ``tests/data/wild3/*.md`` were written from memory of
public awesome lists before the importer was changed for them: LLMSurvey-style numbered entries with a ``<u>name</u>``,
a quoted bold title, ``et al.`` authors and ``Venue Year``; a milestone table with a date, keywords, institute and a
citation badge under the venue; a multimodal table whose title cell holds a star badge and a bold link, beside
dataset tables with a Name column; code-LLM entries with ``[2023-05]`` dates under Chinese headings; a reading
tracker (task list, then a Notion table of bare URLs); a bio/chemistry list of DOIs, bioRxiv/medRxiv, PubMed and
the less usual arXiv addresses; a list by conference and track with OpenReview links; an HTML gallery table.

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the tests
say what a reader needs: every paper its own page, its title exactly, its date, links, names and authors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    bib_entry,
    by_title,
    import_as_a_maintainer,
    links_of,
    paper_pages,
)
from papershelf.formats.lists.fields import clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild3"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


AX = "https://arxiv.org/abs/"
#: list -> number of papers it lists (each its own page; a paper listed twice is one page)
COUNTS = {"bio-doi-links": 24, "code-llm-dated": 23, "conference-tracks": 22, "html-gallery": 19, "llm-keyword-table": 23,
          "llmsurvey-numbered": 24, "mllm-badge-datasets": 25, "reading-tracker": 21}
# title -> (date, the paper link, other links {kind: url})
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "llmsurvey-numbered": {
        # a quoted bold title after "<u>Name</u>:"; "Venue Year" after the authors; the arXiv id gives the month
        "A Survey of Large Language Models": ("2023-03", AX + "2303.18223", {}),
        "Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": ("2019-10", AX + "1910.10683", {}),
        "mT5: A massively multilingual pre-trained text-to-text transformer": ("2020-10", AX + "2010.11934", {}),
        "PanGu-\u03b1: Large-scale Autoregressive Pretrained Chinese Language Models with Auto-parallel Computation": ("2021-04", AX + "2104.12369", {}),
        "CPM-2: Large-scale Cost-effective Pre-trained Language Models": ("2021-06", AX + "2106.10715", {}),
        "Multitask Prompted Training Enables Zero-Shot Task Generalization": ("2021-10", AX + "2110.08207", {}),
        "GPT-NeoX-20B: An Open-Source Autoregressive Language Model": ("2022-04", AX + "2204.06745", {}),
        "CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis": ("2022-03", AX + "2203.13474", {}),
        "Super-NaturalInstructions: Generalization via Declarative Instructions on 1600+ NLP Tasks": ("2022-04", AX + "2204.07705", {}),
        "OPT: Open Pre-trained Transformer Language Models": ("2022-05", AX + "2205.01068", {}),
        "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model": ("2022-11", AX + "2211.05100", {}),
        "LLaMA: Open and Efficient Foundation Language Models": ("2023-02", AX + "2302.13971v1", {"model_zoo": "https://github.com/facebookresearch/llama"}),  # "[Model](…)"
        "Language Models are Few-Shot Learners": ("2020-05", AX + "2005.14165", {}),
        "Evaluating Large Language Models Trained on Code": ("2021-07", AX + "2107.03374", {}),
        "GLaM: Efficient Scaling of Language Models with Mixture-of-Experts": ("2022", "https://proceedings.mlr.press/v162/du22c.html", {}),
        "Scaling Language Models: Methods, Analysis & Insights from Training Gopher": ("2021-12", "http://arxiv.org/abs/2112.11446v2", {}),
        "LaMDA: Language Models for Dialog Applications": ("2022-01", AX + "2201.08239", {}),
        "Training Compute-Optimal Large Language Models": ("2022-03", AX + "2203.15556", {}),
        "PaLM: Scaling Language Modeling with Pathways": ("2022-04", AX + "2204.02311", {}),
        "Finetuned Language Models Are Zero-Shot Learners": ("2021-09", AX + "2109.01652", {"homepage": "https://github.com/google-research/flan"}),
        "Training language models to follow instructions with human feedback": ("2022-03", AX + "2203.02155", {}),
        "Scaling Instruction-Finetuned Language Models": ("2022-10", AX + "2210.11416", {}),
        "Self-Instruct: Aligning Language Model with Self Generated Instructions": ("2023", "https://aclanthology.org/2023.acl-long.754/", {"code": "https://github.com/yizhongw/self-instruct"}),
        "LIMA: Less Is More for Alignment": ("2023-05", AX + "2305.11206", {}),
    },
    "llm-keyword-table": {
        # the Date column is the date, also where the link is no arXiv page; the Paper cell is the title
        "Improving Language Understanding by Generative Pre-Training": ("2018-06", "https://www.cs.ubc.ca/~amuham01/LING530/papers/radford2018improving.pdf", {}),
        "Language Models are Unsupervised Multitask Learners": ("2019-02", "https://d4mucfpksywv.cloudfront.net/better-language-models/language_models_are_unsupervised_multitask_learners.pdf", {}),
        "Scaling Laws for Neural Language Models": ("2020-01", "https://arxiv.org/pdf/2001.08361.pdf", {}),
        "Switch Transformers: Scaling to Trillion Parameter Models with Simple and Efficient Sparsity": ("2021-01", "https://arxiv.org/pdf/2101.03961.pdf", {}),
        "On the Opportunities and Risks of Foundation Models": ("2021-08", "https://arxiv.org/pdf/2108.07258.pdf", {}),
        "Finetuned Language Models are Zero-Shot Learners": ("2021-09", "https://openreview.net/forum?id=gEZrGCozdqR", {}),
        "WebGPT: Browser-assisted question-answering with human feedback": ("2021-12", "https://www.semanticscholar.org/paper/WebGPT%3A-Browser-assisted-question-answering-with-Nakano-Hilton/2f3efe44083af91cef562c1a3451eee2f8601d22", {}),
        "Improving language models by retrieving from trillions of tokens": ("2021-12", "https://www.deepmind.com/publications/improving-language-models-by-retrieving-from-trillions-of-tokens", {}),
        "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models": ("2022-01", "https://arxiv.org/pdf/2201.11903.pdf", {}),
        "Using Deep and Megatron to Train Megatron-Turing NLG 530B, A Large-Scale Generative Language Model": ("2022-01", "https://arxiv.org/pdf/2201.11990.pdf", {}),
        "Training language models to follow instructions with human feedback": ("2022-03", "https://arxiv.org/pdf/2203.02155.pdf", {}),
        "An empirical analysis of compute-optimal large language model training": ("2022-04", "https://www.deepmind.com/publications/an-empirical-analysis-of-compute-optimal-large-language-model-training", {}),
        "Solving Quantitative Reasoning Problems with Language Models": ("2022-06", "https://arxiv.org/abs/2206.14858", {}),
        "Emergent Abilities of Large Language Models": ("2022-06", "https://openreview.net/pdf?id=yzkSU5zdwD", {}),
        "Holistic Evaluation of Language Models": ("2022-11", "https://arxiv.org/pdf/2211.09110.pdf", {}),
        "GPT-4 Technical Report": ("2023-03", "https://arxiv.org/pdf/2303.08774.pdf", {}),
        "RWKV: Reinventing RNNs for the Transformer Era": ("2023-05", "https://arxiv.org/abs/2305.13048", {}),
        "Llama 2: Open Foundation and Fine-Tuned Chat Models": ("2023-07", "https://arxiv.org/pdf/2307.09288.pdf", {}),
        "Mamba: Linear-Time Sequence Modeling with Selective State Spaces": ("2023-12", "https://arxiv.org/ftp/arxiv/papers/2312/2312.00752.pdf", {}),
        "Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism": ("2019-09", "https://arxiv.org/pdf/1909.08053.pdf", {}),
        "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models": ("2019-10", "https://arxiv.org/pdf/1910.02054.pdf", {}),
        "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness": ("2022-05", "https://arxiv.org/abs/2205.14135", {}),
        "Efficient Memory Management for Large Language Model Serving with PagedAttention": ("2023-09", "https://dl.acm.org/doi/10.1145/3600006.3613165", {}),
    },
    "mllm-badge-datasets": {
        # the Date column's day; the bold link after the star badge is the title; a Name column names a dataset's paper
        "DeepSeek-VL2: Mixture-of-Experts Vision-Language Models for Advanced Multimodal Understanding": ("2024-12-13", "https://arxiv.org/pdf/2412.10302", {"code": "https://github.com/deepseek-ai/DeepSeek-VL2"}),
        "Expanding Performance Boundaries of Open-Source Multimodal Models with Model, Data, and Test-Time Scaling": ("2024-12-06", "https://arxiv.org/pdf/2412.05271", {"code": "https://github.com/OpenGVLab/InternVL", "demo": "https://internvl.opengvlab.com"}),
        "Qwen2-VL: Enhancing Vision-Language Model's Perception of the World at Any Resolution": ("2024-09-18", "https://arxiv.org/pdf/2409.12191", {"code": "https://github.com/QwenLM/Qwen2-VL", "demo": "https://huggingface.co/spaces/Qwen/Qwen2-VL"}),
        "LLaVA-OneVision: Easy Visual Task Transfer": ("2024-08-06", "https://arxiv.org/pdf/2408.03326", {"code": "https://github.com/LLaVA-VL/LLaVA-NeXT", "demo": "https://llava-onevision.lmms-lab.com"}),
        "MiniCPM-V: A GPT-4V Level MLLM on Your Phone": ("2024-08-03", "https://arxiv.org/pdf/2408.01800", {"code": "https://github.com/OpenBMB/MiniCPM-V", "demo": "http://120.92.209.146:8887/"}),
        "Cambrian-1: A Fully Open, Vision-Centric Exploration of Multimodal LLMs": ("2024-06-24", "https://arxiv.org/pdf/2406.16860", {"code": "https://github.com/cambrian-mllm/cambrian"}),
        "Improved Baselines with Visual Instruction Tuning": ("2023-10-05", "https://openaccess.thecvf.com/content/CVPR2024/papers/Liu_Improved_Baselines_with_Visual_Instruction_Tuning_CVPR_2024_paper.pdf", {"code": "https://github.com/haotian-liu/LLaVA", "demo": "https://llava.hliu.cc/"}),
        "CogVLM: Visual Expert for Pretrained Language Models": ("2023-11-06", "https://arxiv.org/pdf/2311.03079.pdf", {"code": "https://github.com/THUDM/CogVLM", "demo": "http://36.103.203.44:7861/"}),
        "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection": ("2023-11-16", "https://arxiv.org/pdf/2311.10122.pdf", {"code": "https://github.com/PKU-YuanGroup/Video-LLaVA", "demo": "https://huggingface.co/spaces/LanguageBind/Video-LLaVA"}),
        "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic": ("2023-06-27", "https://arxiv.org/pdf/2306.15195.pdf", {"code": "https://github.com/shikras/shikra"}),
        "Otter: A Multi-Modal Model with In-Context Instruction Tuning": ("2023-05-05", "https://arxiv.org/pdf/2305.03726.pdf", {"code": "https://github.com/Luodian/Otter", "demo": "https://otter.cliangyu.com/"}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("2023-01-30", "https://arxiv.org/pdf/2301.12597.pdf", {"code": "https://github.com/salesforce/LAVIS/tree/main/projects/blip2"}),
        "Evaluating Object Hallucination in Large Vision-Language Models": ("2023-05-17", "https://arxiv.org/pdf/2305.10355.pdf", {"code": "https://github.com/RUCAIBox/POPE"}),
        "OPERA: Alleviating Hallucination in Multi-Modal Large Language Models via Over-Trust Penalty and Retrospection-Allocation": ("2023-11-29", "https://arxiv.org/pdf/2311.17911.pdf", {"code": "https://github.com/shikiw/OPERA"}),
        "Mitigating Object Hallucinations in Large Vision-Language Models through Visual Contrastive Decoding": ("2023-11-28", "https://arxiv.org/pdf/2311.16922.pdf", {"code": "https://github.com/DAMO-NLP-SG/VCD"}),
        "Analyzing and Mitigating Object Hallucination in Large Vision-Language Models": ("2023-10-01", "https://openreview.net/forum?id=oZDJKTlOUe", {"code": "https://github.com/YiyangZhou/LURE"}),
        "ShareGPT4Video: Improving Video Understanding and Generation with Better Captions": ("2024-06", "https://arxiv.org/pdf/2406.04325v1", {}),
        "Conceptual 12M: Pushing Web-Scale Image-Text Pre-Training To Recognize Long-Tail Visual Concepts": ("2021-02", "https://arxiv.org/pdf/2102.08981.pdf", {}),
        "ShareGPT4V: Improving Large Multi-Modal Models with Better Captions": ("2023-11", "https://arxiv.org/pdf/2311.12793.pdf", {}),
        "LAION-5B: An open large-scale dataset for training next generation image-text models": ("2022-10", "https://arxiv.org/pdf/2210.08402.pdf", {}),
        "MMInstruct: A High-Quality Multi-Instruction Dataset with Extensive Diversity": ("2024-07", "https://arxiv.org/pdf/2407.15838", {}),
        "Visual Instruction Tuning": ("2023-04", "https://arxiv.org/pdf/2304.08485.pdf", {}),
        "MMBench: Is Your Multi-modal Model an All-around Player?": ("2023-07-12", "https://arxiv.org/pdf/2307.06281.pdf", {"code": "https://github.com/open-compass/MMBench"}),
        "MMMU: A Massive Multi-discipline Multimodal Understanding and Reasoning Benchmark for Expert AGI": ("2023-11-27", "https://arxiv.org/pdf/2311.16502.pdf", {"code": "https://github.com/MMMU-Benchmark/MMMU"}),
    },
    "code-llm-dated": {
        # "[2023-05]" is the date, "[ICLR 2024]" the venue; the quoted text is the title, "**Name**:" its name
        "Unifying the Perspectives of NLP and Software Engineering: A Survey on Language Models for Code": ("2023-11", AX + "2311.07989", {}),
        "CodeBERT: A Pre-Trained Model for Programming and Natural Languages": ("2020-02", "https://aclanthology.org/2020.findings-emnlp.139/", {"code": "https://github.com/microsoft/CodeBERT"}),
        "GraphCodeBERT: Pre-training Code Representations with Data Flow": ("2020-09", AX + "2009.08366", {"code": "https://github.com/microsoft/CodeBERT"}),
        "CodeT5: Identifier-aware Unified Pre-trained Encoder-Decoder Models for Code Understanding and Generation": ("2021-09", AX + "2109.00859", {"code": "https://github.com/salesforce/CodeT5"}),
        "Evaluating Large Language Models Trained on Code": ("2021-07", AX + "2107.03374", {}),
        "Competition-Level Code Generation with AlphaCode": ("2022-03", AX + "2203.07814", {}),
        "CodeGen: An Open Large Language Model for Code with Multi-Turn Program Synthesis": ("2022-03", AX + "2203.13474", {"code": "https://github.com/salesforce/CodeGen"}),
        "InCoder: A Generative Model for Code Infilling and Synthesis": ("2022-04", AX + "2204.05999", {"code": "https://github.com/dpfried/incoder"}),
        "SantaCoder: don't reach for the stars!": ("2023-01", AX + "2301.03988", {}),
        "StarCoder: may the source be with you!": ("2023-05", AX + "2305.06161", {"code": "https://github.com/bigcode-project/starcoder"}),
        "Code Llama: Open Foundation Models for Code": ("2023-08", AX + "2308.12950", {"code": "https://github.com/meta-llama/codellama"}),
        "DeepSeek-Coder: When the Large Language Model Meets Programming -- The Rise of Code Intelligence": ("2024-01", AX + "2401.14196", {"code": "https://github.com/deepseek-ai/DeepSeek-Coder"}),
        "Qwen2.5-Coder Technical Report": ("2024-09", AX + "2409.12186", {"code": "https://github.com/QwenLM/Qwen2.5-Coder"}),
        "WizardCoder: Empowering Code Large Language Models with Evol-Instruct": ("2023-06", AX + "2306.08568", {"code": "https://github.com/nlpxucan/WizardLM"}),
        "OctoPack: Instruction Tuning Code Large Language Models": ("2023-08", AX + "2308.07124", {"code": "https://github.com/bigcode-project/octopack"}),
        "Magicoder: Empowering Code Generation with OSS-Instruct": ("2023-12", AX + "2312.02120", {"code": "https://github.com/ise-uiuc/magicoder"}),
        "CodeRL: Mastering Code Generation through Pretrained Models and Deep Reinforcement Learning": ("2022-07", "https://proceedings.neurips.cc/paper_files/paper/2022/hash/8636419dea1aa9fbd25fc4248e702da4-Abstract-Conference.html", {"code": "https://github.com/salesforce/CodeRL"}),
        "Program Synthesis with Large Language Models": ("2021-08", AX + "2108.07732", {}),
        "Measuring Coding Challenge Competence With APPS": ("2021-05", AX + "2105.09938", {}),
        "Is Your Code Generated by ChatGPT Really Correct? Rigorous Evaluation of Large Language Models for Code Generation": ("2023-05", AX + "2305.01210", {"code": "https://github.com/evalplus/evalplus"}),
        "LiveCodeBench: Holistic and Contamination Free Evaluation of Large Language Models for Code": ("2024-03", AX + "2403.07974", {}),
        "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?": ("2023-10", AX + "2310.06770", {}),
        "RepoBench: Benchmarking Repository-Level Code Auto-Completion Systems": ("2023-06", AX + "2306.03091", {}),
    },
    "reading-tracker": {
        # "(2017)" after a task's link is its year (an arXiv id says the month); the notes after the dash are no title;
        # the Notion table's Name is the title and its Link a bare URL
        "Attention Is All You Need": ("2017-06", AX + "1706.03762", {}),
        "Long Short-Term Memory": ("1997", "https://www.bioinf.jku.at/publications/older/2604.pdf", {}),
        "Neural Machine Translation by Jointly Learning to Align and Translate": ("2014-09", AX + "1409.0473", {}),
        "Mamba: Linear-Time Sequence Modeling with Selective State Spaces": ("2023-12", AX + "2312.00752", {}),
        "Efficiently Modeling Long Sequences with Structured State Spaces": ("2022", "https://openreview.net/forum?id=uYLFoz1vlAC", {}),
        "RoFormer: Enhanced Transformer with Rotary Position Embedding": ("2021-04", AX + "2104.09864", {}),
        "Retentive Network: A Successor to Transformer for Large Language Models": ("2023-07", AX + "2307.08621", {}),
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale": ("2020-10", AX + "2010.11929", {}),
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting": ("2014", "https://jmlr.org/papers/v15/srivastava14a.html", {}),
        "Masked Autoencoders Are Scalable Vision Learners": ("2022", "https://openaccess.thecvf.com/content/CVPR2022/html/He_Masked_Autoencoders_Are_Scalable_Vision_Learners_CVPR_2022_paper.html", {}),
        "Learning Transferable Visual Models From Natural Language Supervision": ("2021-03", AX + "2103.00020", {}),
        "DINOv2: Learning Robust Visual Features without Supervision": ("2023-04", AX + "2304.07193", {}),
        "Deep Residual Learning for Image Recognition": ("2015-12", AX + "1512.03385", {}),
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift": ("2015", "http://proceedings.mlr.press/v37/ioffe15.html", {}),
        "Adam: A Method for Stochastic Optimization": ("2014-12", AX + "1412.6980", {}),
        "Denoising Diffusion Probabilistic Models": ("2020-06", AX + "2006.11239", {}),
        "Generative Adversarial Nets": ("2014", "https://papers.nips.cc/paper/5423-generative-adversarial-nets", {}),
        "Layer Normalization": ("2016-07", AX + "1607.06450", {}),
        "U-Net: Convolutional Networks for Biomedical Image Segmentation": ("2015", "https://link.springer.com/chapter/10.1007/978-3-319-24574-4_28", {}),
        "Auto-Encoding Variational Bayes": ("2013-12", AX + "1312.6114", {}),
        "Decoupled Weight Decay Regularization": ("2019", "https://openreview.net/forum?id=Bkg6RiCqY7", {}),
    },
    "bio-doi-links": {
        # a year the list or the identifier states (Nature's s41586-021-…, a bioRxiv/medRxiv DOI's posting day,
        # an old-style arXiv id); no arXiv page taken for another paper
        "Highly accurate protein structure prediction with AlphaFold": ("2021", "https://www.nature.com/articles/s41586-021-03819-2", {"code": "https://github.com/google-deepmind/alphafold"}),
        "Accurate prediction of protein structures and interactions using a three-track neural network": ("2021", "https://www.science.org/doi/10.1126/science.abj8754", {"code": "https://github.com/RosettaCommons/RoseTTAFold"}),
        "Accurate structure prediction of biomolecular interactions with AlphaFold 3": ("2024", "https://www.nature.com/articles/s41586-024-07487-w", {}),
        "Language models of protein sequences at the scale of evolution enable accurate structure prediction": ("2022-07-20", "https://www.biorxiv.org/content/10.1101/2022.07.20.500902v1", {"code": "https://github.com/facebookresearch/esm"}),
        "Biological structure and function emerge from scaling unsupervised learning to 250 million protein sequences": ("2021", "https://www.pnas.org/doi/10.1073/pnas.2016239118", {}),
        "Simulating 500 million years of evolution with a language model": ("2024-07-01", "https://www.biorxiv.org/content/10.1101/2024.07.01.600583v1", {}),
        "ProtTrans: Towards Cracking the Language of Life's Code Through Self-Supervised Deep Learning and High Performance Computing": ("2020-07", "https://export.arxiv.org/abs/2007.06225", {}),
        "Robust deep learning-based protein sequence design using ProteinMPNN": ("2022", "https://www.science.org/doi/10.1126/science.add2187", {}),
        "De novo design of protein structure and function with RFdiffusion": ("2023", "https://doi.org/10.1038/s41586-023-06415-8", {}),
        "Neural Message Passing for Quantum Chemistry": ("2017", "https://proceedings.mlr.press/v70/gilmer17a.html", {}),
        "E(n) Equivariant Graph Neural Networks": ("2021-02", "https://ar5iv.labs.arxiv.org/html/2102.09844", {}),
        "Equivariant Diffusion for Molecule Generation in 3D": ("2022-03", "https://arxiv.org/pdf/2203.17003v2", {"code": "https://github.com/ehoogeboom/e3_diffusion_for_molecules"}),
        "MoleculeNet: A Benchmark for Molecular Machine Learning": ("2018", "https://pubs.rsc.org/en/content/articlelanding/2018/sc/c7sc02664a", {}),
        "Graph Attention Networks": ("2017-10", "https://ar5iv.org/abs/1710.10903", {}),
        "Performance of ChatGPT on USMLE: Potential for AI-assisted medical education using large language models": ("2022-12-19", "https://www.medrxiv.org/content/10.1101/2022.12.19.22283643v2", {}),
        "Dermatologist-level classification of skin cancer with deep neural networks": ("2017", "https://pubmed.ncbi.nlm.nih.gov/28117445/", {}),
        "Large Language Models Encode Clinical Knowledge": ("2022-12", "https://arxiv.org/pdf/2212.13138v1", {}),
        "BioMistral: A Collection of Open-Source Pretrained Large Language Models for Medical Domains": ("2024-02", "https://arxiv.org/html/2402.10373v3", {}),
        "BioBERT: a pre-trained biomedical language representation model for biomedical text mining": ("2020", "https://doi.org/10.1093/bioinformatics/btz682", {}),
        "Deep Residual Learning for Image Recognition": ("2016", "https://doi.org/10.1109/CVPR.2016.90", {}),
        "BART: Denoising Sequence-to-Sequence Pre-training for Natural Language Generation, Translation, and Comprehension": ("2020", "https://doi.org/10.18653/v1/2020.acl-main.703", {}),
        "Modularity and community structure in networks": ("2006-02", "https://arxiv.org/abs/physics/0602124", {}),
        "The structure and function of complex networks": ("2003-03", "http://arxiv.org/abs/cond-mat/0303516v1", {}),
        "Deep learning": ("2015", "https://pubmed.ncbi.nlm.nih.gov/26017442/", {}),
    },
    "conference-tracks": {
        # "Title. Authors. [[OpenReview](…)]" under "## ICLR 2024" / "### Oral": the heading's year is the date
        "Vision Transformers Need Registers": ("2024", "https://openreview.net/forum?id=2dnO3LLiJ1", {}),
        "Self-RAG: Learning to Retrieve, Generate, and Critique through Self-Reflection": ("2024", "https://openreview.net/forum?id=hSyW5go0v8", {}),
        "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?": ("2024", "https://openreview.net/forum?id=VTF8yNQM66", {}),
        "MetaGPT: Meta Programming for A Multi-Agent Collaborative Framework": ("2024", "https://openreview.net/forum?id=VtmBAGCN7o", {}),
        "Proving Test Set Contamination in Black-Box Language Models": ("2024", "https://openreview.net/forum?id=KS8mIvetg2", {}),
        "LongLoRA: Efficient Fine-tuning of Long-Context Large Language Models": ("2024", "https://openreview.net/forum?id=6PmJoRfdaK", {}),
        "Let's Verify Step by Step": ("2024", "https://openreview.net/forum?id=v8L0pN6EOi", {}),
        "Large Language Models as Optimizers": ("2024", "https://openreview.net/pdf?id=Bb4VGOWELI", {}),
        "Efficient Streaming Language Models with Attention Sinks": ("2024", "https://openreview.net/forum?id=NG7sS51zVF", {"code": "https://github.com/mit-han-lab/streaming-llm"}),
        "Think before you speak: Training Language Models With Pause Tokens": ("2024", "https://openreview.net/forum?id=ph04CRkPdC", {}),
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model": ("2023", "https://openreview.net/forum?id=HPuSIXJaa9", {}),
        "QLoRA: Efficient Finetuning of Quantized LLMs": ("2023", "https://openreview.net/forum?id=OUIFPHEgJU", {"code": "https://github.com/artidoro/qlora"}),
        "Toolformer: Language Models Can Teach Themselves to Use Tools": ("2023", "https://openreview.net/forum?id=Yacmpz84TH", {}),
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models": ("2023", "https://openreview.net/forum?id=5Xc1ecxO1h", {"code": "https://github.com/princeton-nlp/tree-of-thought-llm"}),
        "Reflexion: Language Agents with Verbal Reinforcement Learning": ("2023", "https://openreview.net/forum?id=vAElhFcKW6", {}),
        "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena": ("2023", "https://openreview.net/forum?id=uccHPGDlao", {}),
        "DataComp: In search of the next generation of multimodal datasets": ("2023", "https://openreview.net/forum?id=dVaWCDMBof", {"homepage": "https://www.datacomp.ai/"}),
        "OpenAssistant Conversations -- Democratizing Large Language Model Alignment": ("2023", "https://openreview.net/forum?id=VSJotgbPHF", {}),
        "A Watermark for Large Language Models": ("2023", "https://proceedings.mlr.press/v202/kirchenbauer23a.html", {}),
        "Fast Inference from Transformers via Speculative Decoding": ("2023", "https://proceedings.mlr.press/v202/leviathan23a.html", {}),
        "SmoothQuant: Accurate and Efficient Post-Training Quantization for Large Language Models": ("2023", "https://proceedings.mlr.press/v202/xiao23c.html", {"code": "https://github.com/mit-han-lab/smoothquant"}),
        "Pythia: A Suite for Analyzing Large Language Models Across Training and Scaling": ("2023", "https://proceedings.mlr.press/v202/biderman23a.html", {}),
    },
    "html-gallery": {
        # one "<td>" card a paper, two cards in some rows: "<b>Title</b><br>Authors<br><i>Venue, Year</i>" then links
        "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis": ("2020-03", AX + "2003.08934", {"code": "https://github.com/bmild/nerf", "homepage": "https://www.matthewtancik.com/nerf"}),
        "Mip-NeRF: A Multiscale Representation for Anti-Aliasing Neural Radiance Fields": ("2021-03", AX + "2103.13415", {"code": "https://github.com/google/mipnerf"}),
        "Instant Neural Graphics Primitives with a Multiresolution Hash Encoding": ("2022", "https://nvlabs.github.io/instant-ngp/assets/mueller2022instant.pdf", {"code": "https://github.com/NVlabs/instant-ngp", "homepage": "https://nvlabs.github.io/instant-ngp/"}),
        "Plenoxels: Radiance Fields without Neural Networks": ("2021-12", AX + "2112.05131", {"code": "https://github.com/sxyu/svox2"}),
        "TensoRF: Tensorial Radiance Fields": ("2022-03", AX + "2203.09517", {"code": "https://github.com/apchenstu/TensoRF"}),
        "Mip-NeRF 360: Unbounded Anti-Aliased Neural Radiance Fields": ("2022", "https://openaccess.thecvf.com/content/CVPR2022/html/Barron_Mip-NeRF_360_Unbounded_Anti-Aliased_Neural_Radiance_Fields_CVPR_2022_paper.html", {"homepage": "https://jonbarron.info/mipnerf360/"}),
        "Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields": ("2023-04", AX + "2304.06706", {"homepage": "https://jonbarron.info/zipnerf/"}),
        "pixelNeRF: Neural Radiance Fields from One or Few Images": ("2020-12", AX + "2012.02190", {"code": "https://github.com/sxyu/pixel-nerf"}),
        "NeuS: Learning Neural Implicit Surfaces by Volume Rendering for Multi-view Reconstruction": ("2021-06", AX + "2106.10689", {"code": "https://github.com/Totoro97/NeuS"}),
        "D-NeRF: Neural Radiance Fields for Dynamic Scenes": ("2020-11", AX + "2011.13961", {"code": "https://github.com/albertpumarola/D-NeRF"}),
        "Nerfies: Deformable Neural Radiance Fields": ("2020-11", AX + "2011.12948", {"homepage": "https://nerfies.github.io/"}),
        "Block-NeRF: Scalable Large Scene Neural View Synthesis": ("2022-02", AX + "2202.05263", {"homepage": "https://waymo.com/research/block-nerf/"}),
        "DreamFusion: Text-to-3D using 2D Diffusion": ("2023", "https://openreview.net/forum?id=FjNys5c7VyY", {"homepage": "https://dreamfusion3d.github.io/"}),
        "Magic3D: High-Resolution Text-to-3D Content Creation": ("2022-11", AX + "2211.10440", {"homepage": "https://research.nvidia.com/labs/dir/magic3d/"}),
        "Zero-1-to-3: Zero-shot One Image to 3D Object": ("2023-03", AX + "2303.11328", {"code": "https://github.com/cvlab-columbia/zero123"}),
        "Shap-E: Generating Conditional 3D Implicit Functions": ("2023-05", AX + "2305.02463", {"code": "https://github.com/openai/shap-e"}),
        "Point-E: A System for Generating 3D Point Clouds from Complex Prompts": ("2022-12", AX + "2212.08751", {"code": "https://github.com/openai/point-e"}),
        "LRM: Large Reconstruction Model for Single Image to 3D": ("2024", "https://openreview.net/forum?id=sllU8vvsFF", {"homepage": "https://yiconghong.me/LRM/"}),
        "Efficient Geometry-aware 3D Generative Adversarial Networks": ("2022", "https://openaccess.thecvf.com/content/CVPR2022/html/Chan_Efficient_Geometry-Aware_3D_Generative_Adversarial_Networks_CVPR_2022_paper.html", {"code": "https://github.com/NVlabs/eg3d"}),
    },
}
#: list -> title -> the short name the list gives
NAMES = {
    "llmsurvey-numbered": {"Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer": "T5", "Language Models are Few-Shot Learners": "GPT-3",
                           "Super-NaturalInstructions: Generalization via Declarative Instructions on 1600+ NLP Tasks": "Tk-Instruct",
                           "Multitask Prompted Training Enables Zero-Shot Task Generalization": "T0", "Training Compute-Optimal Large Language Models": "Chinchilla",
                           "Evaluating Large Language Models Trained on Code": "Codex"},
    "code-llm-dated": {"Evaluating Large Language Models Trained on Code": "Codex", "Competition-Level Code Generation with AlphaCode": "AlphaCode",
                       "OctoPack: Instruction Tuning Code Large Language Models": "OctoCoder", "Program Synthesis with Large Language Models": "MBPP",
                       "Measuring Coding Challenge Competence With APPS": "APPS", "WizardCoder: Empowering Code Large Language Models with Evol-Instruct": "WizardCoder",
                       "Is Your Code Generated by ChatGPT Really Correct? Rigorous Evaluation of Large Language Models for Code Generation": "EvalPlus"},
    "mllm-badge-datasets": {"Conceptual 12M: Pushing Web-Scale Image-Text Pre-Training To Recognize Long-Tail Visual Concepts": "CC12M",
                            "MMInstruct: A High-Quality Multi-Instruction Dataset with Extensive Diversity": "MMInstruct"},
}
#: list -> title -> (BibTeX author field, venue field as generated)
AUTHORS = {
    "llmsurvey-numbered": {"Language Models are Few-Shot Learners": ("Tom B. Brown and others", "NeurIPS 2020"),
                           "Super-NaturalInstructions: Generalization via Declarative Instructions on 1600+ NLP Tasks": ("Yizhong Wang and others", "EMNLP 2022")},
    "conference-tracks": {"Vision Transformers Need Registers": ("Timoth\u00e9e Darcet and Maxime Oquab and Julien Mairal and Piotr Bojanowski", "ICLR 2024"),
                          "A Watermark for Large Language Models": ("John Kirchenbauer and Jonas Geiping and Yuxin Wen and Jonathan Katz and Ian Miers and Tom Goldstein", "ICML 2023"),
                          "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena": ("Lianmin Zheng and Wei-Lin Chiang and Ying Sheng and others", "NeurIPS 2023")},
    "html-gallery": {"Shap-E: Generating Conditional 3D Implicit Functions": ("Heewoo Jun and Alex Nichol", "arXiv 2023"),
                     "TensoRF: Tensorial Radiance Fields": ("Anpei Chen and Zexiang Xu and Andreas Geiger and Jingyi Yu and Hao Su", "ECCV 2022")},
    "reading-tracker": {"Deep Residual Learning for Image Recognition": ("Kaiming He and Xiangyu Zhang and Shaoqing Ren and Jian Sun", "")},
    "bio-doi-links": {"Highly accurate protein structure prediction with AlphaFold": ("John Jumper and Richard Evans and Alexander Pritzel and others", "Nature 2021")},
}


def test_eight_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)
    assert all(len(EXPECTED[name]) + (name == "mllm-badge-datasets") == COUNTS[name] for name in COUNTS)  # every paper but M3IT (below)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])


def test_a_superscript_in_a_title_is_its_text(shelves: dict[str, dict[str, object]]) -> None:
    papers = by_title(shelves["mllm-badge-datasets"])
    [title] = [title for title in papers if "Multi-Modal Multilingual Instruction Tuning" in title]
    assert title in {"M3IT: A Large-Scale Dataset towards Multi-Modal Multilingual Instruction Tuning", "M\u00b3IT: A Large-Scale Dataset towards Multi-Modal Multilingual Instruction Tuning"}
    assert (str(papers[title]["date"]), links_of(papers[title])) == ("2023-06", ["https://arxiv.org/pdf/2306.04387.pdf"])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[\[|\]\]|<|\*\*|\u2014|\. In [A-Z]|\.$|^\"|\"$", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$", str(page["short_name"])), page["short_name"]
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short, title


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, (authors, venue) in AUTHORS[name].items():
        entry = bib_entry(shelves[name], title)
        assert f"author = {{{authors}}}" in entry and venue in entry, entry


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


def test_a_trackers_boxes_and_status_column_are_reading_statuses(shelves: dict[str, dict[str, object]]) -> None:
    """"- [x] [Title](…) (2017) — notes" is read, "- [ ]" not yet; a Notion Status of "Done", "Reading", "To read"
    says the same; the box and the year are no part of the notes, a bare URL cell no fact beside the link."""
    papers = by_title(shelves["reading-tracker"])
    status = {title: papers[title]["status"] for title in (
        "Attention Is All You Need", "Retentive Network: A Successor to Transformer for Large Language Models", "Denoising Diffusion Probabilistic Models",
        "Decoupled Weight Decay Regularization", "Deep Residual Learning for Image Recognition")}
    assert status == {"Attention Is All You Need": "read", "Retentive Network: A Successor to Transformer for Large Language Models": "unread",
                      "Denoising Diffusion Probabilistic Models": "reading", "Decoupled Weight Decay Regularization": "unread",
                      "Deep Residual Learning for Image Recognition": "read"}
    root = shelves["reading-tracker"]["root"]
    assert isinstance(root, Path)
    bodies = {str(page["title"]): (root / "docs" / "papers" / f"{stem}.md").read_text(encoding="utf-8").split("---", 2)[2]
              for stem, page in paper_pages(root).items()}
    assert "- **Note:** the one that started it; re-read 3.2 on multi-head attention." in bodies["Attention Is All You Need"]
    assert "https://arxiv.org/abs/1512.03385" not in bodies["Deep Residual Learning for Image Recognition"]
    assert papers["Deep Residual Learning for Image Recognition"]["tags"] == ["Notion export", "vision", "cnn"]


def test_shapes_probed_after_the_blind_round() -> None:
    """Variants tried on snippets once the eight lists passed: a bold title then its authors, an italic title then
    ", A and B", a title whose commas are no author list, a gallery card whose title is its paper link, a quoted
    title after a name in <u>."""
    from papershelf.formats.lists import awesome

    text = (
        "## ICML 2024\n\n### Oral\n\n- **Position: Owls Are Great Hunters**. Alice Owl, Bob Heron. [[OpenReview](https://openreview.net/forum?id=abc123)]\n"
        "- *Owl Splatting: Feathers in Real Time*, Alice Owl and Bob Heron. [[PDF](https://openreview.net/pdf?id=abd)]\n"
        "- Owls: Retrieval, Generation, Evaluation Of Owls [[PDF](https://openreview.net/pdf?id=abg)]\n"
        "1. <u>OwlLM</u>: \"Owl Language Models Are Few-Shot Hunters\". *Alice Owl et al.* arXiv 2023. [[Paper](https://arxiv.org/abs/2305.14165)]\n\n"
        "## CVPR'24 Highlights\n\n<table>\n<tr><td><a href=\"https://arxiv.org/abs/2308.04079\"><b>Gaussian Owls: Splatting in Real Time</b></a><br>"
        "Alice Owl, Bob Heron<br><i>CVPR 2024</i><br><a href=\"https://github.com/owl/gs\">Code</a></td><td><img src=\"x.png\"></td></tr>\n</table>\n"
    )
    got = {item.title: (item.date, item.venue, item.authors, item.name) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {
        "Position: Owls Are Great Hunters": ("2024", "ICML 2024", "Alice Owl and Bob Heron", ""),
        "Owl Splatting: Feathers in Real Time": ("2024", "ICML 2024", "Alice Owl and Bob Heron", ""),
        "Owls: Retrieval, Generation, Evaluation Of Owls": ("2024", "ICML 2024", "", ""),
        "Owl Language Models Are Few-Shot Hunters": ("2023", "arXiv 2023", "Alice Owl and others", "OwlLM"),
        "Gaussian Owls: Splatting in Real Time": ("2024", "CVPR 2024", "Alice Owl and Bob Heron", ""),
    }


def test_life_science_links_are_papers_dated_by_what_their_address_says() -> None:
    from papershelf.formats.lists.awesome import arxiv_in, is_paper_url
    from papershelf.formats.lists.fields import url_date

    said = {
        "https://www.biorxiv.org/content/10.1101/2024.07.01.600583v1": "2024-07-01",
        "https://www.biorxiv.org/content/biorxiv/early/2022/07/21/2022.07.20.500902.full.pdf": "2022-07-20",
        "https://www.medrxiv.org/content/10.1101/2022.12.19.22283643v2": "2022-12-19",
        "https://doi.org/10.1016/j.neunet.2014.09.003": "2014", "https://www.sciencedirect.com/science/article/pii/S0950584924000107": "2024",
        "https://www.nature.com/articles/s41586-021-03819-2": "2021",
        "https://doi.org/10.1101/2022.13.40.1": "",  # no month 13: no date
        "https://www.science.org/doi/10.1126/science.abj8754": "", "https://pubmed.ncbi.nlm.nih.gov/26017442/": "",
    }
    assert {url: url_date(url) for url in said} == said
    hosts = ["https://www.pnas.org/doi/10.1073/pnas.2016239118", "https://pubmed.ncbi.nlm.nih.gov/28117445/", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6407524/",
             "https://bmcbioinformatics.biomedcentral.com/articles/10.1186/s12859-019-1234-5", "https://academic.oup.com/bioinformatics/article/36/4/1234/5566506",
             "https://ar5iv.labs.arxiv.org/html/2102.09844", "https://chemrxiv.org/engage/chemrxiv/article-details/60c7588e"]
    assert all(is_paper_url(url) for url in hosts) and not is_paper_url("https://pubmed.ncbi.nlm.nih.gov/")
    assert [str(found) for url in ("https://ar5iv.labs.arxiv.org/html/2102.09844", "https://ar5iv.org/abs/1710.10903") if (found := arxiv_in(url))] == ["2102.09844", "1710.10903"]


def test_tracker_variants_probed_after_the_blind_round() -> None:
    """A bold link after the box, "[X]" with the title before its link, a Notion table whose Name links the export's
    own page (a relative file): that link is no paper link, the Link column's URL is."""
    from papershelf.formats.lists import awesome

    text = (
        "## Tracker\n\n- [x] **[Owls Hunt at Night](https://arxiv.org/abs/2101.00001)** (2021) — good\n"
        "* [X] Owls Sleep by Day — [pdf](https://arxiv.org/abs/2101.00002)\n\n"
        "| Name | Authors | Year | Link | Tags | Status | Created |\n|---|---|---|---|---|---|---|\n"
        "| [Owls Fly Quietly](Owls%20Fly%20Quietly%20abc123.md) | A. Owl | 2020 | https://arxiv.org/abs/2002.00003 | birds | Done | November 2, 2024 |\n"
    )
    got = {item.title: (item.status, item.authors, [(link.kind, link.url) for link in item.links]) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {
        "Owls Hunt at Night": ("read", "", [("paper", "https://arxiv.org/abs/2101.00001")]),
        "Owls Sleep by Day": ("read", "", [("paper", "https://arxiv.org/abs/2101.00002")]),
        "Owls Fly Quietly": ("read", "A. Owl", [("paper", "https://arxiv.org/abs/2002.00003")]),
    }


def test_llmsurvey_variants_probed_after_the_blind_round() -> None:
    """A name in <u> before a bold unquoted title, authors "et al." upright before the venue, a word of prose
    before the colon ("Note:") that names nothing."""
    from papershelf.formats.lists import awesome

    text = (
        "1. <u>OwlGPT</u>: **Owl Language Models are Few-Shot Hunters**. *Tom B. Owl et al.* NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]\n"
        "2. <u>OwlT5</u>: \"Exploring the Limits of Owl Transfer\". Colin Owl et al. JMLR 2020. [[Paper](https://arxiv.org/abs/1910.10683)]\n"
        "3. Note: **Owl Models Fly Far**. [[Paper](https://arxiv.org/abs/2005.14166)]\n"
    )
    got = {item.title: (item.name, item.authors, item.venue, [text for label, text in item.facts if label == "Note"]) for item in awesome.parse_awesome(text, "x.md").items}
    assert got == {
        "Owl Language Models are Few-Shot Hunters": ("OwlGPT", "Tom B. Owl and others", "NeurIPS 2020", []),
        "Exploring the Limits of Owl Transfer": ("OwlT5", "Colin Owl and others", "JMLR 2020", []),
        "Owl Models Fly Far": ("", "", "", ["Note:"]),
    }


def test_headings_naming_a_venue_and_year() -> None:
    from papershelf.formats.lists.fields import venue_heading

    said = {"ICLR 2024": ("ICLR 2024", "2024"), "NeurIPS 2023 (Datasets and Benchmarks)": ("NeurIPS 2023", "2023"), "🔥 CVPR'24 Papers": ("CVPR 2024", "2024"),
            "2022 ICML": ("ICML 2022", "2022"), "2021 - ACL": ("ACL 2021", "2021"), "2023": ("", ""), "Surveys": ("", ""),
            "2023 Accepted papers": ("", ""), "Scaling 2020 models": ("", "")}
    assert {text: venue_heading(text) for text in said} == said


def test_a_plain_card_title_and_keywords_after_a_title() -> None:
    """A gallery card whose first line is plain text is still titled by that line alone; a title followed by
    ". Transformers, Attention, Seq2Seq." keeps no keywords as authors, while "Chen and Manning" are authors."""
    from papershelf.formats.lists import awesome
    from papershelf.formats.lists.fields import title_then_authors

    text = ('<table>\n<tr><td><img src="a.png"></td><td>Owl Fields: Radiance for Owls<br>A. Owl, B. Heron<br><i>CVPR 2021</i><br>'
            '<a href="https://openaccess.thecvf.com/content/CVPR2021/html/x.html">Paper</a></td></tr>\n</table>\n')
    [item] = awesome.parse_awesome(text, "x.md").items
    assert (item.title, item.date, item.venue, item.authors) == ("Owl Fields: Radiance for Owls", "2021", "CVPR 2021", "A. Owl and B. Heron")
    assert title_then_authors("Attention Is All You Need. Transformers, Attention, Seq2Seq.") is None
    assert title_then_authors("A Fast and Accurate Dependency Parser using Neural Networks. Chen and Manning.") == (
        "A Fast and Accurate Dependency Parser using Neural Networks", "Chen and Manning")
